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
    // Configuration is parsed once, in lib/env.ts; everything else asks it.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["lib/env.ts", "lib/testing/**", "**/*.test.ts", "lib/auth/options.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through env() from lib/env.ts." }],
    },
  },
];

export default config;
