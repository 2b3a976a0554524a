# Creates TOPIC if needed, produces COUNT messages tagged TAG, then reads them back with a fresh consumer group.
# Connection from the environment: KAFKA_BOOTSTRAP_SERVERS and KAFKA_CAFILE, then either KAFKA_USERNAME and
# KAFKA_PASSWORD (SASL_SSL, SCRAM-SHA-256) or KAFKA_CERTFILE and KAFKA_KEYFILE (SSL with a client certificate).
# Prints "Received: <message>" per message read back. Exit 0: all read back; 2: some missing; 3: refused or failed.
# Usage: roundtrip.py TOPIC TAG COUNT
import os
import sys
import time

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import TopicAlreadyExistsError

topic, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])

connection = dict(
    bootstrap_servers=os.environ["KAFKA_BOOTSTRAP_SERVERS"],
    ssl_cafile=os.environ["KAFKA_CAFILE"],
    request_timeout_ms=15000,  # a consumer's must exceed its session timeout (10 s)
    api_version_auto_timeout_ms=10000,
    reconnect_backoff_max_ms=1000,
)
if os.environ.get("KAFKA_USERNAME"):
    connection.update(
        security_protocol="SASL_SSL",
        sasl_mechanism="SCRAM-SHA-256",
        sasl_plain_username=os.environ["KAFKA_USERNAME"],
        sasl_plain_password=os.environ["KAFKA_PASSWORD"],
    )
else:
    connection.update(
        security_protocol="SSL",
        ssl_certfile=os.environ["KAFKA_CERTFILE"],
        ssl_keyfile=os.environ["KAFKA_KEYFILE"],
    )

wanted = ["{} {}".format(tag, i) for i in range(1, count + 1)]
received = []
try:
    admin = KafkaAdminClient(client_id="walkthrough-admin", **connection)
    try:
        admin.create_topics([NewTopic(name=topic, num_partitions=1, replication_factor=1)])
    except TopicAlreadyExistsError:
        pass
    admin.close()

    producer = KafkaProducer(client_id="walkthrough-producer", max_block_ms=15000, **connection)
    for message in wanted:
        producer.send(topic, message.encode("utf-8")).get(timeout=15)
    producer.close()

    consumer = KafkaConsumer(
        topic,
        client_id="walkthrough-consumer",
        group_id="walkthrough-" + tag,
        auto_offset_reset="earliest",
        **connection
    )
    deadline = time.monotonic() + 30
    while len(received) < count and time.monotonic() < deadline:
        for records in consumer.poll(timeout_ms=1000).values():
            for record in records:
                value = record.value.decode("utf-8")
                if value in wanted and value not in received:
                    received.append(value)
                    print("Received: {}".format(value), flush=True)
    consumer.close()
except Exception as error:  # any failure to connect, authenticate or use the topic
    print("FAILED: {}".format(type(error).__name__))
    sys.exit(3)
sys.exit(0 if len(received) == count else 2)
