// Identifiers shaped like Harness's own.
import { randomBytes, randomUUID } from 'node:crypto';

let counter = randomBytes(3).readUIntBE(0, 3);

/** A Mongo ObjectId: 24 hex, seconds first, as eventCorrelationId is. */
export function objectId(now: number): string {
  counter = (counter + 1) % 0xffffff;
  const seconds = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  return seconds + randomBytes(5).toString('hex') + counter.toString(16).padStart(6, '0');
}

/** Harness's generateUuid(): a UUID in URL-safe base64, 22 characters. */
export function harnessUuid(): string {
  return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url');
}

/** correlationId of every response. */
export function correlationId(): string {
  return randomUUID();
}
