# A fresh client that knows only the service's bootstrap address (KAFKA_BOOTSTRAP_SERVERS): it learns the
# brokers from the metadata, writes COUNT records (acks=all) to TOPIC, then reads them back. Usage:
# bootstrap-roundtrip.py TOPIC COUNT CERTS_DIR. Prints "produced N consumed M".
import os
import sys
import uuid
from kafka import KafkaConsumer, KafkaProducer

topic, count, certs = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ssl = dict(
    bootstrap_servers=os.environ["KAFKA_BOOTSTRAP_SERVERS"],
    security_protocol="SSL",
    ssl_cafile=os.path.join(certs, "ca.pem"),
    ssl_certfile=os.path.join(certs, "avnadmin.cert.pem"),
    ssl_keyfile=os.path.join(certs, "avnadmin.key.pem"),
)
marker = uuid.uuid4().hex
producer = KafkaProducer(acks="all", retries=5, **ssl)
for i in range(count):
    producer.send(topic, "{} {}".format(marker, i).encode())
producer.flush(timeout=60)
producer.close()
consumer = KafkaConsumer(topic, auto_offset_reset="earliest", consumer_timeout_ms=20000, **ssl)
seen = set()
for message in consumer:
    text = message.value.decode()
    if text.startswith(marker):
        seen.add(text)
    if len(seen) == count:
        break
consumer.close()
print("produced {} consumed {}".format(count, len(seen)))
