// The part of every `dbaas kafka` command's help about where its credentials come from.
export const CONNECTION_HELP = `The command connects to the service's brokers as --user (default avnadmin):
with its certificate and key over mTLS, or with --auth sasl over SASL_SSL with
SCRAM-SHA-256 and its password. The CA and the user's credentials are fetched
through the API and held in memory, never written; with --dir the files that
"exo dbaas credentials download" wrote there are used instead. A broker that
does not answer within --connect-timeout ends the command with exit code 5.`;
