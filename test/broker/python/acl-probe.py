# Tries one thing on TOPIC as the user of a client certificate, to see what the broker's ACLs allow.
#   create:  creates TOPIC (already existing counts as done)
#   produce: sends one message "probe" and waits for the broker's acknowledgement
#   consume: reads TOPIC from the start in consumer group "acl-probe" until one message arrives, then commits
# Exit 0: done; 5: refused by the broker's authorization (or TOPIC not visible); 3: any other failure.
# Usage: acl-probe.py create|produce|consume TOPIC --certfile F --keyfile F [--cafile F]
import argparse
import os
import sys
import time

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import AuthorizationError, TopicAlreadyExistsError

parser = argparse.ArgumentParser()
parser.add_argument("action", choices=["create", "produce", "consume"])
parser.add_argument("topic")
parser.add_argument("--cafile", default="ca.pem")
parser.add_argument("--certfile", required=True)
parser.add_argument("--keyfile", required=True)
args = parser.parse_args()

connection = dict(
    bootstrap_servers=os.environ["KAFKA_BOOTSTRAP_SERVERS"],
    security_protocol="SSL",
    ssl_cafile=args.cafile,
    ssl_certfile=args.certfile,
    ssl_keyfile=args.keyfile,
    request_timeout_ms=15000,  # a consumer's must exceed its session timeout (10 s)
    api_version_auto_timeout_ms=10000,
    reconnect_backoff_max_ms=1000,
)


def denied(reason):
    print("DENIED: {}".format(reason))
    sys.exit(5)


try:
    if args.action == "create":
        admin = KafkaAdminClient(client_id="acl-probe", **connection)
        try:
            admin.create_topics([NewTopic(name=args.topic, num_partitions=1, replication_factor=1)])
        except TopicAlreadyExistsError:
            pass
        admin.close()
        print("CREATED: {}".format(args.topic))
    elif args.action == "produce":
        producer = KafkaProducer(client_id="acl-probe", max_block_ms=15000, retries=0, **connection)
        producer.send(args.topic, b"probe").get(timeout=15)
        producer.close()
        print("PRODUCED: {}".format(args.topic))
    else:
        consumer = KafkaConsumer(client_id="acl-probe", group_id="acl-probe", auto_offset_reset="earliest", **connection)
        if args.topic not in consumer.topics():
            denied("topic {} not visible".format(args.topic))
        consumer.subscribe([args.topic])
        received = 0
        deadline = time.monotonic() + 30
        while received == 0 and time.monotonic() < deadline:
            received += sum(len(records) for records in consumer.poll(timeout_ms=1000).values())
        if received == 0:
            print("FAILED: nothing received")
            sys.exit(3)
        consumer.commit()
        consumer.close()
        print("CONSUMED: {} message(s) from {}".format(received, args.topic))
except AuthorizationError as error:
    denied(type(error).__name__)
except Exception as error:  # connection, TLS or anything else
    print("FAILED: {}: {}".format(type(error).__name__, error))
    sys.exit(3)
