# Tries one metadata round trip to the broker and reports whether the connection was accepted (exit 0),
# refused (exit 3), or accepted without the right to see --topic (exit 4).
# Usage: check-connection.py ssl [--cafile F] [--certfile F --keyfile F] [--topic T]
#        check-connection.py sasl --cafile F --username U --password-env VAR [--topic T]
import argparse
import os
import sys

from kafka.admin import KafkaAdminClient

parser = argparse.ArgumentParser()
parser.add_argument("mode", choices=["ssl", "sasl"])
parser.add_argument("--cafile")
parser.add_argument("--certfile")
parser.add_argument("--keyfile")
parser.add_argument("--username")
parser.add_argument("--password-env")
parser.add_argument("--topic")
args = parser.parse_args()

options = dict(
    bootstrap_servers=os.environ["KAFKA_BOOTSTRAP_SERVERS"],
    client_id="connection-check",
    ssl_cafile=args.cafile,
    request_timeout_ms=8000,
    api_version_auto_timeout_ms=8000,
    reconnect_backoff_max_ms=1000,
)
if args.mode == "ssl":
    options.update(security_protocol="SSL", ssl_certfile=args.certfile, ssl_keyfile=args.keyfile)
else:
    options.update(
        security_protocol="SASL_SSL",
        sasl_mechanism="SCRAM-SHA-256",
        sasl_plain_username=args.username,
        sasl_plain_password=os.environ[args.password_env],
    )

try:
    admin = KafkaAdminClient(**options)
    topics = admin.list_topics()
    admin.close()
except Exception as error:  # every failure to connect counts as refused
    print("REFUSED: {}".format(type(error).__name__))
    sys.exit(3)
if args.topic and args.topic not in topics:
    print("DENIED: topic {} not visible".format(args.topic))
    sys.exit(4)
print("ACCEPTED: {} topics".format(len(topics)))
