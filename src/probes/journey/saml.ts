import { inflateRawSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';

/** Why a SAMLRequest is not an AuthnRequest, or null when it is one. */
export type SamlProblem = 'saml_missing' | 'saml_not_base64' | 'saml_not_xml' | `saml_not_authn_request:${string}`;

const MAX_XML_CHARS = 64 * 1024;
const parser = (): XMLParser => new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, processEntities: false });

/** The POST binding sends plain base64; the redirect binding deflates first. Either is accepted. */
function decode(value: string): string | null {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  const bytes = Buffer.from(compact, 'base64');
  const text = bytes.toString('utf8');
  if (text.trimStart().startsWith('<')) return text;
  try {
    return inflateRawSync(bytes, { maxOutputLength: MAX_XML_CHARS }).toString('utf8');
  } catch {
    return null;
  }
}

/** Checks that a form's SAMLRequest decodes to a SAML 2.0 AuthnRequest (its signature is not checked). */
export function samlRequestProblem(value: string | undefined): SamlProblem | null {
  if (value === undefined || value === '') return 'saml_missing';
  const xml = decode(value);
  if (xml === null) return 'saml_not_base64';
  if (xml.length > MAX_XML_CHARS) return 'saml_not_xml';
  let doc: Record<string, unknown>;
  try {
    doc = parser().parse(xml) as Record<string, unknown>;
  } catch {
    return 'saml_not_xml';
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?'));
  if (root === undefined) return 'saml_not_xml';
  // Only the element's own (local) name reaches the detail, never the untrusted content.
  return root === 'AuthnRequest' ? null : `saml_not_authn_request:${root.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40)}`;
}
