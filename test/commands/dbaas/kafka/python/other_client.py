"""Kafka clients that are not exo-dbaas's, to check what its commands did on the broker.

Connection from the environment: KAFKA_BOOTSTRAP, KAFKA_CA, KAFKA_CERT, KAFKA_KEY (file paths).
Bytes travel as base64 in JSON, so keys, values and headers are compared byte for byte.

  describe-topic TOPIC           kafka-python admin: partitions, replication factor, configs set on the topic
  consume TOPIC COUNT            confluent-kafka from the beginning, no group commit: one JSON line per record
  produce TOPIC                  confluent-kafka: JSON records on stdin ([{"key","value","headers","partition","timestamp"}]),
                                 compressed with $COMPRESSION (default none)
  group-consume TOPIC GROUP N    kafka-python in GROUP: reads N records, commits, leaves
  lag TOPIC GROUP                confluent-kafka: per partition committed, high watermark and lag
  hold TOPIC GROUP               kafka-python in GROUP: prints "joined" once assigned, stays until stdin closes
"""
import base64
import json
import os
import sys

b64 = lambda b: None if b is None else base64.b64encode(b).decode()
unb64 = lambda s: None if s is None else base64.b64decode(s)


def confluent_conf(**extra):
    conf = {
        "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"],
        "security.protocol": "SSL",
        "ssl.ca.location": os.environ["KAFKA_CA"],
        "ssl.certificate.location": os.environ["KAFKA_CERT"],
        "ssl.key.location": os.environ["KAFKA_KEY"],
    }
    conf.update(extra)
    return conf


def python_conf():
    return dict(
        bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"],
        security_protocol="SSL",
        ssl_cafile=os.environ["KAFKA_CA"],
        ssl_certfile=os.environ["KAFKA_CERT"],
        ssl_keyfile=os.environ["KAFKA_KEY"],
        ssl_check_hostname=False,
    )


def describe_topic(topic):
    from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient

    admin = KafkaAdminClient(**python_conf())
    meta = admin.describe_topics([topic])[0]
    partitions = sorted(meta["partitions"], key=lambda p: p["partition"])
    response = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])[0]
    # config_source 1: set on the topic itself (DYNAMIC_TOPIC_CONFIG)
    set_on_topic = {e[0]: e[1] for e in response.resources[0][4] if e[3] == 1}
    print(json.dumps({
        "partitions": len(partitions),
        "replication_factor": len(partitions[0]["replicas"]),
        "leaders": [p["leader"] for p in partitions],
        "configs": set_on_topic,
    }))
    admin.close()


def consume(topic, count):
    from confluent_kafka import Consumer, TopicPartition

    consumer = Consumer(confluent_conf(**{"group.id": "other-client-reader", "enable.auto.commit": False, "auto.offset.reset": "earliest"}))
    meta = consumer.list_topics(topic, timeout=20)
    consumer.assign([TopicPartition(topic, p, 0) for p in meta.topics[topic].partitions])
    got = []
    idle = 0
    while len(got) < count and idle < 20:
        msg = consumer.poll(1.0)
        if msg is None:
            idle += 1
            continue
        if msg.error():
            raise SystemExit(str(msg.error()))
        got.append({
            "partition": msg.partition(),
            "offset": msg.offset(),
            "key": b64(msg.key()),
            "value": b64(msg.value()),
            "headers": [[k, b64(v)] for k, v in (msg.headers() or [])],
        })
    consumer.close()
    for record in sorted(got, key=lambda r: (r["partition"], r["offset"])):
        print(json.dumps(record))


def produce(topic):
    from confluent_kafka import Producer

    producer = Producer(confluent_conf(acks="all", **{"compression.type": os.environ.get("COMPRESSION", "none")}))
    for r in json.load(sys.stdin):
        producer.produce(topic, key=unb64(r.get("key")), value=unb64(r["value"]), headers=[(k, unb64(v)) for k, v in r.get("headers", [])], partition=r.get("partition", 0), timestamp=r.get("timestamp", 0))
    left = producer.flush(30)
    if left:
        raise SystemExit(f"{left} records not delivered")


def group_consume(topic, group, count):
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(topic, group_id=group, auto_offset_reset="earliest", enable_auto_commit=False, **python_conf())
    got = 0
    for _ in range(60):
        for records in consumer.poll(timeout_ms=1000, max_records=count - got).values():
            got += len(records)
        if got >= count:
            break
    consumer.commit()
    consumer.close()
    print(got)


def lag(topic, group):
    from confluent_kafka import Consumer, TopicPartition

    consumer = Consumer(confluent_conf(**{"group.id": group, "enable.auto.commit": False}))
    meta = consumer.list_topics(topic, timeout=20)
    partitions = [TopicPartition(topic, p) for p in sorted(meta.topics[topic].partitions)]
    rows = []
    for tp in consumer.committed(partitions, timeout=20):
        low, high = consumer.get_watermark_offsets(tp, timeout=20)
        rows.append({"partition": tp.partition, "committed": tp.offset, "log_end": high, "lag": high - tp.offset if tp.offset >= 0 else None})
    consumer.close()
    print(json.dumps(rows))


def hold(topic, group):
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(topic, group_id=group, auto_offset_reset="latest", enable_auto_commit=False, **python_conf())
    for _ in range(60):
        consumer.poll(timeout_ms=500)
        if consumer.assignment():
            break
    print("joined", flush=True)
    import select
    while not select.select([sys.stdin], [], [], 0.5)[0]:
        consumer.poll(timeout_ms=100)
    consumer.close()


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "describe-topic":
        describe_topic(args[0])
    elif command == "consume":
        consume(args[0], int(args[1]))
    elif command == "produce":
        produce(args[0])
    elif command == "group-consume":
        group_consume(args[0], args[1], int(args[2]))
    elif command == "hold":
        hold(args[0], args[1])
    elif command == "lag":
        lag(args[0], args[1])
    else:
        raise SystemExit(f"unknown command {command}")
