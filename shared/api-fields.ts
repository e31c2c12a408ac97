// The argument shapes every part of the contract uses (shared/api.ts and its parts).
import { z } from 'zod';

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id');
export const name = z.string().trim().min(1, 'must not be empty').max(120);
/** Harness refuses nothing by size, but a 10 MB payload is a mistake, not a deployment. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const body = z.string().max(MAX_BODY_BYTES, 'payload is over 10 MB');
export const apiKey = z.string().max(4096);
export const none = z.strictObject({});
export const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/, 'must be a variable name');
