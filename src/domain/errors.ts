/** The one catalogue of application errors: a stable code plus an HTTP status. */
export const ERRORS = {
  NOT_FOUND: { status: 404, pl: 'Nie znaleziono zasobu.', en: 'Resource not found.' },
  PAYLOAD_TOO_LARGE: { status: 413, pl: 'Zbyt duże zapytanie.', en: 'Request body too large.' },
  BAD_REQUEST: { status: 400, pl: 'Nieprawidłowe zapytanie.', en: 'Bad request.' },
  VALIDATION_FAILED: { status: 400, pl: 'Nieprawidłowe dane wejściowe.', en: 'Invalid input.' },
  PESEL_REJECTED: {
    status: 400,
    pl: 'Nigdy nie podawaj numeru PESEL: nie jest potrzebny i go nie przyjmujemy. Usuń go i wyślij ponownie.',
    en: 'Never send a PESEL number: it is not needed and we do not accept it. Remove it and send again.',
  },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, pl: 'Nieobsługiwany typ treści: wyślij JSON.', en: 'Unsupported content type: send JSON.' },
  UNSUPPORTED_CONTENT_ENCODING: {
    status: 415,
    pl: 'Nieobsługiwane kodowanie treści (nagłówek Content-Encoding): wyślij treść bez kompresji.',
    en: 'Unsupported content coding (Content-Encoding header): send the body uncompressed.',
  },
  BAD_ENCODING: {
    status: 400,
    pl: 'Nieprawidłowe kodowanie adresu: po znaku % muszą stać dwie cyfry szesnastkowe tworzące poprawny UTF-8.',
    en: 'Malformed URL encoding: each % must be followed by two hex digits forming valid UTF-8.',
  },
  RATE_LIMITED: { status: 429, pl: 'Zbyt wiele zapytań. Spróbuj ponownie za chwilę.', en: 'Too many requests. Try again in a moment.' },
  STREAMS_PER_CLIENT: {
    status: 503,
    pl: 'Z Twojego adresu jest otwartych zbyt wiele połączeń na żywo. Zamknij nieużywane karty i spróbuj ponownie później.',
    en: 'Too many live connections are open from your address. Close unused tabs and try again later.',
  },
  STREAMS_TOTAL: {
    status: 503,
    pl: 'Serwer ma teraz otwartych zbyt wiele połączeń na żywo. Spróbuj ponownie później; strona działa też bez odświeżania na żywo.',
    en: 'The server has too many live connections open right now. Try again later; the page also works without live updates.',
  },
  STORE_UNAVAILABLE: {
    status: 503,
    pl: 'Baza danych monitora chwilowo nie odpowiada. Nic nie zostało zapisane: spróbuj ponownie za chwilę.',
    en: 'The monitor\'s database is not answering right now. Nothing was saved: try again in a moment.',
  },
  UNKNOWN_COMPONENT: { status: 404, pl: 'Nieznany komponent.', en: 'Unknown component.' },
  UNAUTHORIZED: { status: 401, pl: 'Brak lub nieprawidłowy token dostępu (nagłówek Authorization: Bearer).', en: 'Missing or invalid access token (Authorization: Bearer header).' },
  FORBIDDEN: { status: 403, pl: 'Ten token nie ma uprawnień do tej operacji.', en: 'This token is not allowed to do that.' },
  CSRF_FAILED: { status: 403, pl: 'Formularz wygasł albo nie pochodzi z tej konsoli. Odśwież stronę i spróbuj ponownie.', en: 'The form expired or did not come from this console. Reload the page and try again.' },
  CONFLICT: { status: 409, pl: 'Ktoś zmienił ten zasób w międzyczasie. Pobierz go i spróbuj ponownie.', en: 'Someone changed this resource meanwhile. Fetch it and try again.' },
  INVALID_TRANSITION: { status: 409, pl: 'Niedozwolona zmiana stanu incydentu.', en: 'This incident state change is not allowed.' },
  NOT_EDITABLE: { status: 409, pl: 'Tego zasobu nie można edytować.', en: 'This resource cannot be edited.' },
  INTERNAL: { status: 500, pl: 'Błąd wewnętrzny.', en: 'Internal error.' },
} as const;
export type ErrorCode = keyof typeof ERRORS;

/** A problem with one input field, named by its dotted path, in both languages. */
export interface FieldProblem {
  field: string;
  pl: string;
  en: string;
}

/** An error with a stable code, mapped to an HTTP status by the web layer. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Field-level problems, each naming the field. */
    readonly fields?: FieldProblem[],
  ) {
    super(message ?? ERRORS[code].en);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}
