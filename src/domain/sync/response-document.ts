import {
  responseKey,
  responseSchema,
  RESPONSE_TYPE,
  type ResponseFile,
} from '../workshop/response-file';

/**
 * A participant's workshop response as it travels through a partnership's CouchDB when both the
 * participant's device and the facilitator's sync with it (a live workshop over the network):
 * the same content as the response file (src/domain/workshop/response-file.ts), one document per
 * participant and round, written only by that participant's device. The facilitator's device
 * checks it exactly as it checks a file, and imports it with the same idempotent merge, so
 * synced responses and files mix freely.
 */

export const RESPONSE_DOCUMENT_VERSION = 1;
const PREFIX = 'response:';

export type ResponseDocument = {
  _id: string;
  kind: 'workshop-response';
  v: typeof RESPONSE_DOCUMENT_VERSION;
  response: ResponseFile;
};

/** `response:<workshop id or key>:<participant id>[#2]`: one per participant and round. */
export function responseDocumentId(response: ResponseFile): string {
  return `${PREFIX}${response.workshop.id}:${responseKey(response)}`;
}

export function isResponseDocumentId(documentId: string): boolean {
  return documentId.startsWith(PREFIX);
}

export function toResponseDocument(response: ResponseFile): ResponseDocument {
  return {
    _id: responseDocumentId(response),
    kind: 'workshop-response',
    v: RESPONSE_DOCUMENT_VERSION,
    response,
  };
}

/**
 * The response a document carries, as text for `readResponse` (which checks it against the
 * workshop as it checks a file), or null when the document is not a response this app can read
 * or its id does not match its content.
 */
export function responseTextOfDocument(document: unknown): string | null {
  if (typeof document !== 'object' || document === null) return null;
  const doc = document as { _id?: unknown; kind?: unknown; v?: unknown; response?: unknown };
  if (doc.kind !== 'workshop-response' || typeof doc.v !== 'number') return null;
  if (doc.v > RESPONSE_DOCUMENT_VERSION) return null;
  const parsed = responseSchema.safeParse(doc.response);
  if (!parsed.success || parsed.data.type !== RESPONSE_TYPE) return null;
  if (doc._id !== undefined && doc._id !== responseDocumentId(parsed.data)) return null;
  return JSON.stringify(doc.response);
}
