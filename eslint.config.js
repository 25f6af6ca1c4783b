import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: [".next/**", "node_modules/**", "prisma/generated/**", "data/**", "test-results/**", "playwright-report/**", "scripts/tmp/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // No module imports itself back through others: layers stay layers.
    files: ["app/**", "components/**", "lib/**"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // The vendor layer is the bottom of the house: it talks to vendors and knows nothing of the app above it.
    // What it needs (credentials, token cache, request budget) arrives in a ConnectionRuntime (lib/sync/runtime.ts).
    files: ["lib/vendors/**", "lib/simulator-kit/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/sync/*", "@/lib/services/*", "@/lib/db/*", "@/lib/vault/*", "@/lib/auth/*", "@/lib/api/*", "@/lib/demo/*", "@/lib/queries/*", "@/lib/testing/*", "@/app/*", "@/components/*"],
              message: "lib/vendors is the bottom layer: pass what it needs down in the ConnectionRuntime instead (docs/adding-a-vendor.md).",
            },
          ],
        },
      ],
    },
  },
  {
    // Services and the sync engine never reach up into routes, pages or components (their tests may call a route).
    files: ["lib/services/**", "lib/sync/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*", "@/lib/queries/*"], message: "Services and sync sit below the app: move the shared piece down instead." }] }],
    },
  },
  {
    // Configuration is parsed once, in lib/env.ts; everything else asks it.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts", "lib/testing/**", "**/*.test.ts", "lib/auth/options.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through env() from lib/env.ts." }],
    },
  },
];

export default config;
