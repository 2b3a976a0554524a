# consumer-ssl.py
# This script receives messages from a Kafka topic
import os
from kafka import KafkaConsumer
consumer = KafkaConsumer(
    "demo-topic",
    auto_offset_reset="earliest",
    bootstrap_servers=os.environ["KAFKA_BOOTSTRAP_SERVERS"],
    client_id="test",
    group_id="demo-group",
    security_protocol="SSL",
    ssl_cafile="ca.pem",
    ssl_certfile="test-kafka_cert.pem",
    ssl_keyfile="test-kafka_key.pem"
)
# Call poll twice. First call will just assign partitions for our
# consumer without actually returning anything
for _ in range(2):
    raw_msgs = consumer.poll(timeout_ms=1000)
    for tp, msgs in raw_msgs.items():
        for msg in msgs:
            print("Received: {}".format(msg.value))
# Commit offsets so we won't get the same messages again
consumer.commit()
#EOF
