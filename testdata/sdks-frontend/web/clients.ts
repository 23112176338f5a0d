export async function evaluate(user, statsig, splitClient, posthog, configCatClient, devcycle, eppo) {
  const client = checkGate("statsig-client");
  const server = statsig.checkGate(user, "statsig-server");
  const split = splitClient.getTreatment("split-client");
  const ph = posthog.isFeatureEnabled("posthog-js");
  const cc = await configCatClient.getValueAsync("configcat-async", false);
  const dvServer = devcycle.variableValue(user, "devcycle-server", false);
  const dvClient = devcycle.variableValue("devcycle-client", false);
  const ep = eppo.getBooleanAssignment("eppo-js", "subject", {}, false);
  return [client, server, split, ph, cc, dvServer, dvClient, ep];
}
