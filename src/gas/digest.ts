/**
 * The digest's one adapter to Apps Script (STYLE: integrations behind one adapter each): the HTTP post through
 * UrlFetchApp, the HMAC through Utilities, the pause between tries, and the signing secret in the document's
 * properties. The core (src/core/digest) builds and judges requests without knowing any of these.
 */
import { type HttpPost } from '../core/digest/delivery';
import { type HmacBase64 } from '../core/digest/payloads';

/**
 * The signing secret of the workbook's bot (Feishu, DingTalk): in the document's properties only, never a cell or a
 * log (SPEC §4a), and never sent back to the sidebar, which only learns whether one is saved.
 */
const SECRET_PROPERTY = 'sellerKpi.digestSecret';

/** One POST; a 4xx/5xx is an answer to judge (muteHttpExceptions), not an exception (PLATFORM §10). */
export const postWebhook: HttpPost = (request) => {
  const response = UrlFetchApp.fetch(request.url, {
    method: 'post',
    contentType: request.contentType,
    payload: request.payload,
    muteHttpExceptions: true,
  });
  return { status: response.getResponseCode(), body: response.getContentText() };
};

/** Base64 of HMAC-SHA256: Apps Script takes the value first and the key second, the reverse of HmacBase64's order. */
export const hmacBase64: HmacBase64 = (key, message) =>
  Utilities.base64Encode(Utilities.computeHmacSha256Signature(message, key, Utilities.Charset.UTF_8));

export function pause(ms: number): void {
  Utilities.sleep(ms);
}

/**
 * The document's properties, or null where a script cannot reach them (PLATFORM §2: outside a document, which may
 * include an add-on's time-driven trigger).
 */
function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch {
    return null;
  }
}

export type SecretRead = { reachable: true; secret: string | null } | { reachable: false };

/** The saved secret; `reachable: false` when this run cannot read the document's properties at all. */
export function readDigestSecret(): SecretRead {
  const properties = documentProperties();
  if (!properties) return { reachable: false };
  const secret = properties.getProperty(SECRET_PROPERTY);
  return { reachable: true, secret: secret === null || secret === '' ? null : secret };
}

/** Saves `secret`, or removes the saved one for null. Throws when the document's properties are out of reach. */
export function saveDigestSecret(secret: string | null): void {
  const properties = PropertiesService.getDocumentProperties();
  if (!properties) throw new Error('Document properties are not available to this script');
  if (secret === null) properties.deleteProperty(SECRET_PROPERTY);
  else properties.setProperty(SECRET_PROPERTY, secret);
}
