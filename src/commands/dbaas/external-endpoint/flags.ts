// The flags `external-endpoint create` and `update` share: one group per endpoint type (hidden, as
// in exo, and listed by --help-TYPE), plus the -file variants that keep secrets off the command line.
import { EXTERNAL_ENDPOINT_TYPES, isExternalEndpointType, type EndpointSettingsBody, type ExternalEndpointType } from "../../../api/external.js";
import type { CommandContext } from "../../../context.js";
import { requireArguments } from "../../../errors.js";
import { InputError } from "../../../kafka/validation/index.js";
import { goQuote } from "../../../go/quote.js";
import {
  parseDatadogTags,
  validateCertificatePem,
  validateEnum,
  validateHost,
  validateHttpUrl,
  validatePort,
  validatePositive,
  validatePrivateKeyPem,
} from "../../../kafka/validation/external.js";
import { renderEmbeddedTable } from "../../../output/table.js";
import { readSecretInput } from "../shared/secret-input.js";
import { flag, type InferOptions } from "../../define.js";

export const DATADOG_SITES = ["datadoghq.com", "datadoghq.eu", "us3.datadoghq.com", "us5.datadoghq.com", "ap1.datadoghq.com", "ddog-gov.com"];
export const RSYSLOG_FORMATS = ["rfc5424", "rfc3164", "custom"];

const hidden = (description: string) => ({ description, hidden: true });
const typed = {
  string: (long: string, description: string) => flag.string(long, hidden(description)),
  /** a file to read (- for stdin) */
  file: (long: string, description: string) => flag.string(long, { ...hidden(description), names: "file" }),
  int: (long: string, description: string) => flag.int(long, hidden(description)),
  bool: (long: string, description: string) => flag.bool(long, hidden(description)),
};

/** exo's type-specific flags, with exo's usage texts (what --help-TYPE lists). */
const EXO_TYPE_FLAGS = {
  datadogApiKey: typed.string("datadog-api-key", "Datadog API key"),
  datadogSite: typed.string("datadog-site", "Datadog intake site. Defaults to datadoghq.com"),
  datadogTags: typed.string("datadog-tags", `Datadog tags. Example. '[{"comment": "ex", "tag": "aiven-asdfasda"}]'`),
  datadogDisableConsumerStats: typed.bool("datadog-disable-consumer-stats", "Disable consumer group metrics"),
  datadogKafkaConsumerCheckInstances: typed.int("datadog-kafka-consumer-check-instances", "Number of separate instances to fetch kafka consumer statistics with"),
  datadogKafkaConsumerStatsTimeout: typed.int("datadog-kafka-consumer-stats-timeout", "Number of seconds that datadog will wait to get consumer statistics from brokers"),
  datadogMaxPartitionContexts: typed.int("datadog-max-partition-contexts", "Maximum number of partition contexts to send"),
  elasticsearchUrl: typed.string("elasticsearch-url", "Elasticsearch connection URL"),
  elasticsearchIndexPrefix: typed.string("elasticsearch-index-prefix", "Elasticsearch index prefix"),
  elasticsearchCa: typed.string("elasticsearch-ca", "PEM encoded CA certificate"),
  elasticsearchIndexDaysMax: typed.int("elasticsearch-index-days-max", "Maximum number of days of logs to keep"),
  elasticsearchTimeout: typed.int("elasticsearch-timeout", "Elasticsearch request timeout limit"),
  opensearchUrl: typed.string("opensearch-url", "OpenSearch connection URL"),
  opensearchIndexPrefix: typed.string("opensearch-index-prefix", "OpenSearch index prefix"),
  opensearchCa: typed.string("opensearch-ca", "PEM encoded CA certificate"),
  opensearchIndexDaysMax: typed.int("opensearch-index-days-max", "Maximum number of days of logs to keep"),
  opensearchTimeout: typed.int("opensearch-timeout", "OpenSearch request timeout limit"),
  prometheusBasicAuthUsername: typed.string("prometheus-basic-auth-username", "Prometheus basic authentication username"),
  prometheusBasicAuthPassword: typed.string("prometheus-basic-auth-password", "Prometheus basic authentication password"),
  rsyslogServer: typed.string("rsyslog-server", "Rsyslog server IP address or hostname"),
  rsyslogPort: typed.int("rsyslog-port", "Rsyslog server port"),
  rsyslogTls: typed.bool("rsyslog-tls", "Require TLS"),
  rsyslogFormat: typed.string("rsyslog-format", "Message format"),
  rsyslogKey: typed.string("rsyslog-key", "PEM encoded client key"),
  rsyslogLogline: typed.string("rsyslog-logline", "Custom syslog message format"),
  rsyslogCa: typed.string("rsyslog-ca", "PEM encoded CA certificate"),
  rsyslogCert: typed.string("rsyslog-cert", "PEM encoded client certificate"),
  rsyslogSd: typed.string("rsyslog-sd", "Structured data block for log message"),
  rsyslogMaxMessageSize: typed.int("rsyslog-max-message-size", "Rsyslog max message size"),
};

/** Secrets read from a file, or from stdin with `-`, so they stay out of shell history and `ps`. */
const SECRET_FILE_FLAGS = {
  datadogApiKeyFile: typed.file("datadog-api-key-file", "read the Datadog API key from this file (- for stdin)"),
  prometheusBasicAuthPasswordFile: typed.file("prometheus-basic-auth-password-file", "read the Prometheus basic authentication password from this file (- for stdin)"),
  rsyslogKeyFile: typed.file("rsyslog-key-file", "read the PEM encoded client key from this file (- for stdin)"),
};

const helpFlag = (type: string) => flag.bool(`help-${type}`, { description: `show usage for flags specific to the ${type} external endpoint type` });

export const endpointOptions = {
  helpDatadog: helpFlag("datadog"),
  helpElasticsearch: helpFlag("elasticsearch"),
  helpOpensearch: helpFlag("opensearch"),
  helpPrometheus: helpFlag("prometheus"),
  helpRsyslog: helpFlag("rsyslog"),
  ...EXO_TYPE_FLAGS,
  ...SECRET_FILE_FLAGS,
};

export type EndpointOptions = InferOptions<typeof endpointOptions>;

/** Text appended to --help: the zone rule and the secret file flags. */
export const ENDPOINT_HELP_NOTES = `These commands take no --zone: like exo, they work in the account's default
zone (EXOSCALE_ZONE, else the account's defaultZone).

Each type has its own flags, listed by --help-datadog, --help-elasticsearch,
--help-opensearch, --help-prometheus and --help-rsyslog. Secrets can be read
from a file or from stdin (-) instead of the command line:
  --datadog-api-key-file PATH
  --prometheus-basic-auth-password-file PATH
  --rsyslog-key-file PATH`;

/** The `--help-TYPE` listing asked for, as exo prints it (its flags sorted by name), if any. */
export function typeHelp(opts: EndpointOptions): string | undefined {
  const wanted = EXTERNAL_ENDPOINT_TYPES.find((t) => opts[helpKey(t)]);
  if (wanted === undefined) return undefined;
  const rows = Object.values(EXO_TYPE_FLAGS)
    .filter((spec) => spec.long.startsWith(`${wanted}-`))
    .map((spec) => [`--${spec.long}`, spec.description ?? ""])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
  return renderEmbeddedTable(rows);
}

const helpKey = (t: ExternalEndpointType) => `help${t[0]!.toUpperCase()}${t.slice(1)}` as "helpDatadog";

/** TYPE and the second argument (`name`: what it is called in the usage line), or a usage error naming the missing ones. */
export function requireTypeAndArg(type: string | undefined, second: string | undefined, name: string): [ExternalEndpointType, string] {
  const args = requireArguments<string>({ type, [name]: second });
  return [validateEndpointType(args["type"]!), args[name]!];
}

export function validateEndpointType(type: string): ExternalEndpointType {
  if (!isExternalEndpointType(type)) throw new InputError(`unsupported external endpoint type ${goQuote(type)}`);
  return type;
}

interface Reader {
  ctx: CommandContext;
  opts: EndpointOptions;
  given: (long: string) => boolean;
}

/**
 * A secret from its flag or its -file flag (not both); undefined when neither is given. Either way
 * it must not be empty, nor hold a control character (but the line breaks of a multi-line PEM key).
 */
async function secret(r: Reader, long: string, value: string | undefined, file: string | undefined, multiline: boolean): Promise<string | undefined> {
  if (r.given(long) && r.given(`${long}-file`)) throw new InputError(`--${long} and --${long}-file cannot be combined`);
  const fromFile = r.given(`${long}-file`);
  if (fromFile && (file ?? "") === "") throw new InputError(`--${long}-file: empty path`);
  const where = fromFile ? `--${long}-file ${goQuote(file!)}` : `--${long}`;
  const text = fromFile ? await readSecretInput(r.ctx, `${long}-file`, file!) : nonEmpty(r, long, value);
  if (text === undefined) return undefined;
  // a single-line secret's file may end with a line break (a flag's value is taken as given)
  const content = fromFile && !multiline ? text.replace(/\r?\n$/, "") : text;
  if (content === "") throw new InputError(`${where}: empty value`);
  if ((multiline ? /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/ : /[\x00-\x1f\x7f-\x9f]/).test(content)) throw new InputError(`invalid ${where}: contains a control character`);
  return content;
}

/** A given string flag must not be empty: exo would drop it without a word. */
function nonEmpty(r: Reader, long: string, value: string | undefined): string | undefined {
  if (r.given(long) && (value ?? "") === "") throw new InputError(`--${long}: empty value`);
  return value;
}

const setIf = (body: EndpointSettingsBody, key: string, value: unknown) => {
  if (value !== undefined) body[key] = value;
};

/**
 * Checks every flag given and builds the `settings` member of the request body, members in Go's
 * order. Flags of another type are refused (exo ignores them). `mode` decides what is required.
 */
export async function endpointSettings(ctx: CommandContext, type: ExternalEndpointType, opts: EndpointOptions, mode: "create" | "update"): Promise<EndpointSettingsBody> {
  const given = (long: string) => ctx.flagsSet.has(long);
  for (const long of ctx.flagsSet) {
    const owner = EXTERNAL_ENDPOINT_TYPES.find((t) => long.startsWith(`${t}-`));
    if (owner !== undefined && owner !== type) throw new InputError(`--${long} does not apply to ${type} endpoints`);
  }
  const r: Reader = { ctx, opts, given };
  const int = (long: string, value: number | undefined) => (given(long) && value !== undefined ? validatePositive(value, long) : undefined);
  const required = (long: string, value: unknown, extra = "") => {
    if (mode === "create" && value === undefined) throw new InputError(`--${long}${extra} is required to create a ${type} endpoint`);
  };
  const body: EndpointSettingsBody = {};
  switch (type) {
    case "datadog": {
      const apiKey = await secret(r, "datadog-api-key", opts.datadogApiKey, opts.datadogApiKeyFile, false);
      if (apiKey === undefined) throw new InputError(`--datadog-api-key (or --datadog-api-key-file) is required: the API asks for the key on every datadog ${mode}`);
      const site = nonEmpty(r, "datadog-site", opts.datadogSite);
      if (site !== undefined) validateEnum(site, DATADOG_SITES, "datadog-site");
      const tags = given("datadog-tags") ? parseDatadogTags(opts.datadogTags ?? "") : undefined;
      setIf(body, "datadog-api-key", apiKey);
      if (tags !== undefined && tags.length > 0) body["datadog-tags"] = tags;
      setIf(body, "disable-consumer-stats", given("datadog-disable-consumer-stats") ? opts.datadogDisableConsumerStats : undefined);
      setIf(body, "kafka-consumer-check-instances", int("datadog-kafka-consumer-check-instances", opts.datadogKafkaConsumerCheckInstances));
      setIf(body, "kafka-consumer-stats-timeout", int("datadog-kafka-consumer-stats-timeout", opts.datadogKafkaConsumerStatsTimeout));
      setIf(body, "max-partition-contexts", int("datadog-max-partition-contexts", opts.datadogMaxPartitionContexts));
      // the flag's documented default, which the API needs on create
      setIf(body, "site", site ?? (mode === "create" ? "datadoghq.com" : undefined));
      return body;
    }
    case "elasticsearch":
    case "opensearch": {
      const o = type === "opensearch"
        ? { url: opts.opensearchUrl, prefix: opts.opensearchIndexPrefix, ca: opts.opensearchCa, days: opts.opensearchIndexDaysMax, timeout: opts.opensearchTimeout }
        : { url: opts.elasticsearchUrl, prefix: opts.elasticsearchIndexPrefix, ca: opts.elasticsearchCa, days: opts.elasticsearchIndexDaysMax, timeout: opts.elasticsearchTimeout };
      const url = nonEmpty(r, `${type}-url`, o.url);
      const prefix = nonEmpty(r, `${type}-index-prefix`, o.prefix);
      const ca = nonEmpty(r, `${type}-ca`, o.ca);
      required(`${type}-url`, url);
      required(`${type}-index-prefix`, prefix);
      if (url !== undefined) validateHttpUrl(url, `${type}-url`);
      if (ca !== undefined) validateCertificatePem(ca, `${type}-ca`);
      setIf(body, "ca", ca);
      setIf(body, "index-days-max", int(`${type}-index-days-max`, o.days));
      setIf(body, "index-prefix", prefix);
      setIf(body, "timeout", int(`${type}-timeout`, o.timeout));
      setIf(body, "url", url);
      return body;
    }
    case "prometheus": {
      const password = await secret(r, "prometheus-basic-auth-password", opts.prometheusBasicAuthPassword, opts.prometheusBasicAuthPasswordFile, false);
      setIf(body, "basic-auth-password", password);
      setIf(body, "basic-auth-username", nonEmpty(r, "prometheus-basic-auth-username", opts.prometheusBasicAuthUsername));
      return body;
    }
    case "rsyslog": {
      const server = nonEmpty(r, "rsyslog-server", opts.rsyslogServer);
      const port = given("rsyslog-port") && opts.rsyslogPort !== undefined ? validatePort(opts.rsyslogPort, "rsyslog-port") : undefined;
      const format = nonEmpty(r, "rsyslog-format", opts.rsyslogFormat);
      required("rsyslog-server", server);
      required("rsyslog-port", port);
      required("rsyslog-format", format, ` (${RSYSLOG_FORMATS.join(", ")})`);
      if (server !== undefined) validateHost(server, "rsyslog-server");
      if (format !== undefined) validateEnum(format, RSYSLOG_FORMATS, "rsyslog-format");
      const ca = nonEmpty(r, "rsyslog-ca", opts.rsyslogCa);
      const cert = nonEmpty(r, "rsyslog-cert", opts.rsyslogCert);
      const key = await secret(r, "rsyslog-key", opts.rsyslogKey, opts.rsyslogKeyFile, true);
      if (ca !== undefined) validateCertificatePem(ca, "rsyslog-ca");
      if (cert !== undefined) validateCertificatePem(cert, "rsyslog-cert");
      if (key !== undefined) validatePrivateKeyPem(key, "rsyslog-key");
      setIf(body, "ca", ca);
      setIf(body, "cert", cert);
      setIf(body, "format", format);
      setIf(body, "key", key);
      setIf(body, "logline", nonEmpty(r, "rsyslog-logline", opts.rsyslogLogline));
      setIf(body, "max-message-size", int("rsyslog-max-message-size", opts.rsyslogMaxMessageSize));
      setIf(body, "port", port);
      setIf(body, "sd", nonEmpty(r, "rsyslog-sd", opts.rsyslogSd));
      setIf(body, "server", server);
      // a create without --rsyslog-tls asks for no TLS (the flag's default); the API needs the member
      setIf(body, "tls", given("rsyslog-tls") ? opts.rsyslogTls : mode === "create" ? false : undefined);
      return body;
    }
  }
}
