// `npm start`: one process serving the widget, the lookup route and the GWS passthrough. Whatever of
// GWS and Uniphore is not configured is played by the embedded simulator, so a new user needs nothing.
import { buildApp } from './proxy/app';
import { ConfigError, loadConfig } from './proxy/config';
import { installShutdown } from './proxy/shutdown';
import { type Simulator, startSimulator } from './simulator';

async function simulatorSettings(
  env: NodeJS.ProcessEnv,
): Promise<{ simulator?: Simulator; env: NodeJS.ProcessEnv }> {
  if (env.GWS_URL && env.UNIPHORE_URL) return { env };
  // SIMULATOR_REQUIRE_LOGIN=true: the simulated GWS wants Basic credentials (demo/demo), as a real one does.
  const simulator = await startSimulator({
    host: '127.0.0.1',
    requireLogin: env.SIMULATOR_REQUIRE_LOGIN === 'true',
  });
  const filled: NodeJS.ProcessEnv = { ...env, SIMULATOR_CONTROL_URL: `${simulator.gwsUrl}/sim` };
  if (!env.GWS_URL) filled.GWS_URL = simulator.gwsUrl;
  if (!env.UNIPHORE_URL) {
    const { credentials } = simulator;
    Object.assign(filled, {
      UNIPHORE_URL: simulator.uniphoreUrl,
      UNIPHORE_ACCOUNT_ID: credentials.accountId,
      UNIPHORE_API_VERSION: credentials.apiVersion,
      UNIPHORE_TENANT_ID: credentials.tenantId,
      UNIPHORE_APPLICATION_KEY: credentials.applicationKey,
      UNIPHORE_ENVIRONMENT_NAME: credentials.environmentName,
      HISTORY_URL_TEMPLATE: env.HISTORY_URL_TEMPLATE ?? simulator.historyUrlTemplate,
    });
  }
  return { simulator, env: filled };
}

async function main(): Promise<void> {
  const { simulator, env } = await simulatorSettings(process.env);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    await simulator?.close();
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const app = await buildApp(config);
  installShutdown(app, async () => simulator?.close());
  const address = await app.listen({ port: config.port, host: config.host });
  const url = new URL(address);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = 'localhost';
  const notes = simulator
    ? ` (simulator: GWS ${env.GWS_URL === simulator.gwsUrl ? 'simulated' : 'real'}, Uniphore ${env.UNIPHORE_URL === simulator.uniphoreUrl ? 'simulated' : 'real'})`
    : '';
  // One line a human reads and the e2e fixtures parse.
  console.log(`Widget ready at ${url.origin}/${notes}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
