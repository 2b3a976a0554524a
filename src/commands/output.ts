// exo output: the help topic on output formats and templates (exo has it too).
import { defineTopic } from "./define.js";

export default defineTopic({
  description: `Commands that print a result print it in one of three formats, chosen with
-O/--output-format, else with the account's defaultOutputFormat in the
configuration file:

  table  the default, columns aligned for reading
  json   one JSON document, for scripts and tools such as jq
  text   each item on a line, its fields separated by a TAB character, for
         cut(1) or awk(1)

--output-template TEMPLATE shapes the text output with a Go text/template
(https://pkg.go.dev/text/template) and wins over -O. A template reaches the
fields listed under "Supported output template annotations" in the command's
help (e.g. "exo dbaas show --help"). A list command applies it to each item
and ends each with a new line; other commands apply it once and add nothing.
Templates name fields as Go does (.Kafka.Version) where JSON has its own keys
(.kafka.version).

A command that fails writes nothing to stdout: a redirection such as
"> cert.pem" never receives part of a certificate.`,
  helpFooter: `
Examples:
  exo dbaas list -O text | cut -f1
  exo dbaas list --output-template '{{.Name}} {{.Zone}}'
  exo dbaas show test-kafka -z de-muc-1 -O json | jq -r .kafka.version
  exo dbaas show test-kafka -z de-muc-1 \\
    --output-template '{{.Kafka.ConnectionInfo.AccessCert}}' \\
    > test-kafka_cert.pem
  exo dbaas show test-kafka -z de-muc-1 \\
    --output-template '{{.Kafka.ConnectionInfo.AccessKey}}' > test-kafka_key.pem
  exo dbaas show test-kafka -z de-muc-1 \\
    --output-template '{{.Kafka.AuthenticationMethods.SASL}}'
`,
});
