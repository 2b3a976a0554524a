// exo help environment: every environment variable the programs of this package read. The README's
// table is checked against this one, and test/cli/environment.test.ts checks that every variable the
// sources read is listed here.
import { defineTopic } from "./define.js";
import { helpTable } from "./help-table.js";

export type Reader = "exo" | "exo-emulator" | "build and tests";

export const ENVIRONMENT: ReadonlyArray<{ name: string; reader: Reader; meaning: string }> = [
  { name: "EXOSCALE_API_KEY", reader: "exo", meaning: "the API key; with an API secret from the environment too, it beats the account's" },
  { name: "EXOSCALE_KEY", reader: "exo", meaning: "the API key when EXOSCALE_API_KEY is not set" },
  { name: "CLOUDSTACK_KEY", reader: "exo", meaning: "the API key when neither of the above is set" },
  { name: "CLOUDSTACK_API_KEY", reader: "exo", meaning: "the API key when none of the above is set" },
  { name: "EXOSCALE_API_SECRET", reader: "exo", meaning: "the API secret" },
  { name: "EXOSCALE_SECRET", reader: "exo", meaning: "the API secret when EXOSCALE_API_SECRET is not set" },
  { name: "EXOSCALE_SECRET_KEY", reader: "exo", meaning: "the API secret when neither of the above is set" },
  { name: "CLOUDSTACK_SECRET", reader: "exo", meaning: "the API secret when none of the above is set" },
  { name: "CLOUDSTACK_SECRET_KEY", reader: "exo", meaning: "the API secret when none of the above is set" },
  { name: "EXOSCALE_CONFIG", reader: "exo", meaning: "the configuration file, as -C/--config" },
  { name: "EXOSCALE_ACCOUNT", reader: "exo", meaning: "the account of the configuration file, as -A/--use-account" },
  { name: "EXOSCALE_ZONE", reader: "exo", meaning: "the zone when -z is not given, before the account's defaultZone" },
  { name: "EXOSCALE_API_ENDPOINT", reader: "exo", meaning: "one v2 base URL for every zone (an emulator's), before the account's endpoint" },
  { name: "EXOSCALE_API_ENVIRONMENT", reader: "exo", meaning: 'replaces "api" in https://api-ZONE.exoscale.com/v2, before the account\'s environment' },
  { name: "EXOSCALE_TRACE", reader: "exo", meaning: "when not empty: every request and response on stderr, secrets redacted" },
  { name: "EXOSCALE_TIMEOUT", reader: "exo", meaning: "as --timeout: the per-zone time limit of dbaas list" },
  { name: "HOME", reader: "exo", meaning: "where the configuration file is looked for" },
  { name: "XDG_CONFIG_HOME", reader: "exo", meaning: "the configuration folder (default ~/.config)" },
  { name: "SNAP_USER_COMMON", reader: "exo", meaning: "when set (under snap), the configuration folder is ~/.exoscale" },
  { name: "NODE_EXTRA_CA_CERTS", reader: "exo", meaning: "read by Node: more certificate authorities to trust, such as an emulator's with --https" },
  { name: "NODE_OPTIONS", reader: "exo", meaning: "read by Node; V8 flags given here get a code cache of their own" },
  { name: "XDG_CACHE_HOME", reader: "exo", meaning: "the code caches (exo-dbaas/code-cache) and the emulator's Kafka jars (exo-dbaas/kafka) are below it (default ~/.cache)" },
  { name: "EXO_EMULATOR_KAFKA_LIBS", reader: "exo-emulator", meaning: "the folder of the Kafka jars of --kafka real" },
  { name: "EXO_EMULATOR_MAVEN_REPO", reader: "exo-emulator", meaning: "a Maven repository to fetch the Kafka jars from instead of Maven Central" },
  { name: "JAVA_HOME", reader: "exo-emulator", meaning: "the Java that runs the real Kafka broker, before the java on PATH" },
  { name: "EXO_DBAAS_RETRY_BASE_MS", reader: "build and tests", meaning: "the first step of the retry backoff in ms, so fault tests run fast" },
  { name: "EXO_DBAAS_TEST_PAUSE_FILE_STEP", reader: "build and tests", meaning: "announces each step of a file set on stderr and holds at step N" },
  { name: "EXO_DBAAS_WRITE_CODE_CACHE", reader: "build and tests", meaning: "1: the launcher adds what it compiled to the code cache" },
];

const section = (reader: Reader) => helpTable(ENVIRONMENT.filter((v) => v.reader === reader).map((v) => [v.name, v.meaning]));

export default defineTopic({
  description: `The environment variables read, and what for. A flag on the command line wins
over its variable; a variable wins over the configuration file.

Read by exo:
${section("exo")}
Read by exo-emulator:
${section("exo-emulator")}
Read by the build and the tests only:
${section("build and tests").trimEnd()}`,
});
