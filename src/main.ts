// `npm start`: one process serving the widget, the lookup route and the GWS passthrough. Whatever of
// GWS and Uniphore is not configured is played by the embedded simulator, so a new user needs nothing.
import { buildApp } from './proxy/app';
import { ConfigError, loadConfig } from './proxy/config';
import { installShutdown } from './proxy/shutdown';
import { type Simulator, simulatorEnv, startSimulator } from './simulator';
import { SimulatorSettingError, simulatorNetwork } from './simulator/network-settings';
import { desktopUrl } from './simulator/wwe/desktop-page';

async function simulatorSettings(
  env: NodeJS.ProcessEnv,
): Promise<{ simulator?: Simulator; env: NodeJS.ProcessEnv }> {
  if (env.GWS_URL && env.UNIPHORE_URL) return { env };
  // SIMULATOR_REQUIRE_LOGIN=true: the simulated GWS wants Basic credentials (demo/demo), as a real one does.
  const simulator = await startSimulator({
    host: '127.0.0.1',
    requireLogin: env.SIMULATOR_REQUIRE_LOGIN === 'true',
    ...simulatorNetwork(env, true),
  });
  const settings = simulatorEnv(simulator);
  const filled: NodeJS.ProcessEnv = { ...env, SIMULATOR_CONTROL_URL: settings.gws.SIMULATOR_CONTROL_URL };
  if (!env.GWS_URL) {
    filled.GWS_URL = settings.gws.GWS_URL;
    // The simulated GWS serves the stand-in WWE desktop (/ui/wwe/), which frames the widget and
    // talks to it: it must be an allowed embedder, unless the operator chose the embedders.
    if (!env.FRAME_ANCESTORS) filled.FRAME_ANCESTORS = `'self' ${simulator.gwsUrl}`;
    // The simulated GWS plays Genesys Auth too: its tokens are the ones to trust, unless the
    // operator names an issuer of their own.
    const jwtSet = Object.keys(settings.jwt).some((name) => env[name]);
    if (env.PROXY_AUTH === 'jwt' && !jwtSet) Object.assign(filled, settings.jwt);
  }
  if (!env.UNIPHORE_URL) {
    Object.assign(filled, settings.uniphore);
    // An operator's own history page template wins over the simulator's.
    if (env.HISTORY_URL_TEMPLATE) filled.HISTORY_URL_TEMPLATE = env.HISTORY_URL_TEMPLATE;
  }
  return { simulator, env: filled };
}

/** Settings are checked twice before anything listens: alone (loadConfig), then against the routes (buildApp). */
async function configuredApp(env: NodeJS.ProcessEnv, simulator: Simulator | undefined) {
  try {
    const config = loadConfig(env);
    return { config, app: await buildApp(config) };
  } catch (error) {
    await simulator?.close();
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const { simulator, env } = await simulatorSettings(process.env);
  const { config, app } = await configuredApp(env, simulator);
  installShutdown(app, async () => simulator?.close());
  const address = await app.listen({ port: config.port, host: config.host });
  // METRICS_PORT: the private listener Prometheus scrapes; closed with the app (onClose).
  await app.metricsListener?.listen();
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
  const notes = simulator
    ? ` (simulator: GWS ${env.GWS_URL === simulator.gwsUrl ? 'simulated' : 'real'}, Uniphore ${env.UNIPHORE_URL === simulator.uniphoreUrl ? 'simulated' : 'real'})`
    : '';
  // One line a human reads and the e2e fixtures parse.
  console.log(`Widget ready at ${url.origin}/${notes}`);
  if (simulator && env.GWS_URL === simulator.gwsUrl) {
    console.log(`WWE desktop (simulated): ${desktopUrl(simulator.gwsUrl, url.origin)}`);
    // localhost, not the agent's 127.0.0.1: cookies are per host, so in one browser the supervisor's
    // GWS session does not replace the agent's.
    console.log(`Supervisor view (simulated supervisor): http://localhost:${url.port}/?mode=supervisor`);
  }
}

main().catch((error) => {
  if (error instanceof SimulatorSettingError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
