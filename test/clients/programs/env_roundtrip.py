# Produces COUNT messages tagged TAG to TOPIC (created if needed) and reads them back with kafka-python,
# configured by nothing but the KAFKA_* variables of the env file (loaded by the shell with set -a; . FILE).
# Prints "Received: <message>" per message read back. Exit 0: all read back; 2: some missing.
# Usage: env_roundtrip.py TOPIC TAG COUNT
import os
import sys
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import TopicAlreadyExistsError

topic, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
env = os.environ

connection = dict(
    bootstrap_servers=env["KAFKA_BOOTSTRAP_SERVERS"].split(","),
    security_protocol=env["KAFKA_SECURITY_PROTOCOL"],
    ssl_cafile=env["KAFKA_SSL_CAFILE"],
    request_timeout_ms=15000,
    api_version_auto_timeout_ms=10000,
)
if env["KAFKA_SECURITY_PROTOCOL"] == "SASL_SSL":
    connection.update(
        sasl_mechanism=env["KAFKA_SASL_MECHANISM"],
        sasl_plain_username=env["KAFKA_SASL_USERNAME"],
        sasl_plain_password=env["KAFKA_SASL_PASSWORD"],
    )
else:
    connection.update(ssl_certfile=env["KAFKA_SSL_CERTFILE"], ssl_keyfile=env["KAFKA_SSL_KEYFILE"])

admin = KafkaAdminClient(**connection)
try:
    admin.create_topics([NewTopic(topic, 1, 1)])
except TopicAlreadyExistsError:
    pass
admin.close()

producer = KafkaProducer(**connection)
for i in range(1, count + 1):
    producer.send(topic, "{} {}".format(tag, i).encode()).get(timeout=30)
producer.close()

consumer = KafkaConsumer(**connection)
partition = TopicPartition(topic, 0)
consumer.assign([partition])
consumer.seek_to_beginning(partition)
received = 0
deadline = time.time() + 30
while received < count and time.time() < deadline:
    for records in consumer.poll(timeout_ms=500).values():
        for record in records:
            print("Received: {}".format(record.value.decode()))
            received += 1
consumer.close()
sys.exit(0 if received == count else 2)
