// Builds: the agent installers an MSP publishes, their latest versions, and custom build requests.
import { route } from "@/lib/simulator-kit/routing";
import { MSP360_BUILD_EDITION, msp360CustomBuildsRequestSchema } from "../../schemas";
import { BUILD_EDITIONS } from "../builds";
import { badRequest, empty, json, readBody } from "../http";
import type { ApiRoute } from "../world";

const KNOWN_EDITIONS = new Set<number>(Object.values(MSP360_BUILD_EDITION));

export const buildRoutes: ApiRoute[] = [
  route("GET", "api/Builds", ({ view }) =>
    json(
      BUILD_EDITIONS.map((build) => ({
        Type: build.name,
        Version: build.version,
        DownloadLink: `https://s3.amazonaws.com/cb_setups/MBS-${view.data.slug}/${build.version}/${build.fileName}`,
      })),
    ),
  ),

  route("POST", "api/Builds/RequestCustomBuilds", async ({ request, view }) => {
    const body = await readBody(request, msp360CustomBuildsRequestSchema, "request");
    const unknown = body.Editions.find((edition) => !KNOWN_EDITIONS.has(edition));
    if (unknown !== undefined) throw badRequest(`Edition '${unknown}' is not valid`);
    view.data.customBuildRequests.push({ editions: body.Editions, type: body.Type, at: view.now });
    return empty();
  }),

  route("GET", "api/Builds/AvailableVersions", () =>
    json(BUILD_EDITIONS.map((build) => ({ Type: build.edition, Version: build.version }))),
  ),
];
