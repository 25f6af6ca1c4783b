// One structured logger (pino). Secrets never reach the output: the redact list removes them wherever they appear.
import pino, { type DestinationStream } from "pino";
import { env } from "./env";

export const REDACTED_KEYS = [
  "password",
  "newPassword",
  "secret",
  "apiKey",
  "token",
  "accessToken",
  "access_token",
  "authorization",
  "cookie",
  "passwordHash",
  "secretCiphertext",
  "tokenCiphertext",
  "vaultPassword",
  "EncryptedPassword",
  "EncryptedPasswordHex",
];

export function createLogger(destination?: DestinationStream, level: string = env().LOG_LEVEL) {
  return pino(
    {
      level,
      redact: {
        paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`), ...REDACTED_KEYS.map((k) => `*.*.${k}`)],
        censor: "[redacted]",
      },
      base: { app: "backup-console" },
    },
    destination,
  );
}

export const logger = createLogger();
