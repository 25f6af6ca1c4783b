// Display links: how a NOC wall screen opens the wall (`/wall/{token}`) without a user session.
import { z } from "zod";
import { refSchema } from "./listing";

export const WALL_PAGES = ["attention", "customers", "running", "storage"] as const;
export const wallPageSchema = z.enum(WALL_PAGES);
export type WallPage = z.infer<typeof wallPageSchema>;
export const WALL_PAGE_LABELS: Record<WallPage, string> = {
  attention: "Needs attention",
  customers: "Customers",
  running: "Running now",
  storage: "Storage",
};

const linkFields = {
  name: z.string().trim().min(1, "Name the screen (for example NOC left).").max(100),
  /** null: every customer; else only these customers. */
  customerIds: z.array(z.string().min(1).max(100)).min(1, "Pick at least one customer, or show all.").max(500).nullable(),
  pages: z
    .array(wallPageSchema)
    .min(1, "Pick at least one page.")
    .max(WALL_PAGES.length)
    .refine((pages) => new Set(pages).size === pages.length, "A page is listed twice."),
  /** How long each page stays before the next one. */
  rotateSeconds: z.number().int().min(5).max(600),
  /** How often the wall asks for fresh figures. */
  refreshSeconds: z.number().int().min(1).max(300),
};

export const createDisplayLinkInputSchema = z.object({
  name: linkFields.name,
  customerIds: linkFields.customerIds.default(null),
  pages: linkFields.pages.default([...WALL_PAGES]),
  rotateSeconds: linkFields.rotateSeconds.default(20),
  refreshSeconds: linkFields.refreshSeconds.default(15),
});
export type CreateDisplayLinkInput = z.input<typeof createDisplayLinkInputSchema>;

export const updateDisplayLinkInputSchema = z
  .object(linkFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change.");

export const displayLinkSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the token, to recognise the link; the token itself is never stored or shown again. */
  prefix: z.string(),
  /** null: every customer. */
  customers: z.array(refSchema).nullable(),
  pages: z.array(wallPageSchema),
  rotateSeconds: z.number().int(),
  refreshSeconds: z.number().int(),
  lastSeenAt: z.string().nullable(),
  lastSeenIp: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type DisplayLinkDto = z.infer<typeof displayLinkSchema>;

export const createdDisplayLinkSchema = z.object({
  link: displayLinkSchema,
  /** The token: shown this once. */
  token: z.string(),
  /** The wall's address on this server, with the token. */
  path: z.string(),
});
export type CreatedDisplayLinkDto = z.infer<typeof createdDisplayLinkSchema>;
