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
  RATE_LIMITED: { status: 429, pl: 'Zbyt wiele zapytań. Spróbuj ponownie za chwilę.', en: 'Too many requests. Try again in a moment.' },
  STORE_UNAVAILABLE: { status: 503, pl: 'Magazyn danych nie odpowiada.', en: 'The data store is not answering.' },
  UNKNOWN_COMPONENT: { status: 404, pl: 'Nieznany komponent.', en: 'Unknown component.' },
  INTERNAL: { status: 500, pl: 'Błąd wewnętrzny.', en: 'Internal error.' },
} as const;
export type ErrorCode = keyof typeof ERRORS;

/** An error with a stable code, mapped to an HTTP status by the web layer. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Field-level problems, each naming the field. */
    readonly fields?: { field: string; pl: string; en: string }[],
  ) {
    super(message ?? ERRORS[code].en);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}
