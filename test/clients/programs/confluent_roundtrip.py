# Produces COUNT messages tagged TAG to TOPIC (created if needed) and reads them back with confluent-kafka,
# configured by nothing but the key=value lines of the librdkafka configuration file given as first argument.
# Prints "Received: <message>" per message read back. Exit 0: all read back; 2: some missing.
# Usage: confluent_roundtrip.py LIBRDKAFKA_CONF TOPIC TAG COUNT
import sys
import time

from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.admin import AdminClient, NewTopic

path, topic, tag, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

config = {}
with open(path, encoding="utf-8") as conf:
    for line in conf:
        line = line.strip()
        if line and not line.startswith("#"):
            key, value = line.split("=", 1)
            config[key] = value

admin = AdminClient(config)  # kept referenced until its futures are done
for future in admin.create_topics([NewTopic(topic, 1, 1)]).values():
    try:
        future.result(30)
    except KafkaException as error:
        if error.args[0].code() != 36:  # TOPIC_ALREADY_EXISTS
            raise

producer = Producer(config)
for i in range(1, count + 1):
    producer.produce(topic, "{} {}".format(tag, i).encode())
if producer.flush(30) != 0:
    sys.exit(2)

consumer = Consumer(dict(config, **{"group.id": "confluent-roundtrip", "enable.auto.commit": False}))
consumer.assign([TopicPartition(topic, 0, OFFSET_BEGINNING)])
received = 0
deadline = time.time() + 30
while received < count and time.time() < deadline:
    message = consumer.poll(0.5)
    if message is None:
        continue
    if message.error():
        raise KafkaException(message.error())
    print("Received: {}".format(message.value().decode()))
    received += 1
consumer.close()
sys.exit(0 if received == count else 2)
