import type { ProbeReason } from '../../domain/types.ts';
import type { Lang } from '../../i18n/index.ts';

/**
 * Why a probe run failed or was slow, in operator words (the public dictionary speaks to
 * patients). A Record, so a reason added to PROBE_REASONS fails to compile until it is labelled.
 */
const REASONS: Record<ProbeReason, Record<Lang, string>> = {
  ok: { pl: 'odpowiedź zgodna z oczekiwaniami', en: 'answer as expected' },
  slow: { pl: 'odpowiedź wolniejsza niż próg', en: 'answer slower than the threshold' },
  timeout: { pl: 'brak odpowiedzi w limicie czasu', en: 'no answer within the time limit' },
  dns: { pl: 'nie udało się ustalić adresu (DNS)', en: 'the address could not be resolved (DNS)' },
  connect_refused: { pl: 'serwer odrzucił połączenie', en: 'the server refused the connection' },
  connect_reset: { pl: 'serwer zerwał połączenie', en: 'the server reset the connection' },
  tls: { pl: 'błąd bezpiecznego połączenia (TLS, certyfikat)', en: 'secure connection failed (TLS, certificate)' },
  tls_expiring: { pl: 'certyfikat wkrótce wygaśnie', en: 'the certificate expires soon' },
  http_status: { pl: 'nieoczekiwany kod odpowiedzi HTTP', en: 'unexpected HTTP status code' },
  body_mismatch: { pl: 'treść strony nie zgadza się z oczekiwaną', en: 'the page content does not match' },
  json_mismatch: { pl: 'dane JSON nie zgadzają się z oczekiwanymi', en: 'the JSON data does not match' },
  too_large: { pl: 'odpowiedź przekracza limit rozmiaru', en: 'the answer is over the size limit' },
  redirect_loop: { pl: 'pętla przekierowań', en: 'redirect loop' },
  too_many_redirects: { pl: 'zbyt wiele przekierowań', en: 'too many redirects' },
  parse_error: { pl: 'nie udało się odczytać odpowiedzi', en: 'the answer could not be read' },
  network: { pl: 'błąd sieci', en: 'network error' },
  protocol_error: { pl: 'odpowiedź niezgodna z protokołem HTTP', en: 'the answer breaks the HTTP protocol' },
  internal_error: { pl: 'błąd wewnętrzny monitora', en: 'internal error of the monitor' },
  journey_step_failed: { pl: 'nie powiódł się krok ścieżki logowania', en: 'a step of the login journey failed' },
  maintenance_page: { pl: 'strona przerwy technicznej', en: 'maintenance page' },
  blocked: { pl: 'monitor zablokowany przez zabezpieczenia serwisu (WAF)', en: 'the monitor was blocked by the site\'s protection (WAF)' },
  page_changed: { pl: 'strona wygląda inaczej niż oczekiwano', en: 'the page differs from what is expected' },
};

/** The operator label of a probe reason; a code this build does not know is shown as is. */
export function probeReasonText(reason: string, lang: Lang): string {
  return Object.hasOwn(REASONS, reason) ? REASONS[reason as ProbeReason][lang] : reason;
}

/** A run's duration the local way: `830 ms`, `1,2 s` in Polish, `1.2 s` in English. */
export function durationText(ms: number, lang: Lang): string {
  const locale = lang === 'pl' ? 'pl-PL' : 'en-GB';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1_000)} s`;
}
