#!/usr/bin/python3
"""A MongoDB wire-protocol stand-in for the integration tests.

mockupdb (Debian python3-mockupdb) parses OP_MSG / OP_QUERY requests off the socket and writes the replies;
mongomock (python3-mongomock) stores the documents and evaluates filters, sorts, updates and pipelines. This
file answers the commands MongoDB.Driver 3.x sends as a real mongod 7.0 standalone would:

  handshake  hello / isMaster (OP_QUERY and OP_MSG), buildInfo, ping, endSessions, getParameter, serverStatus
  writes     insert (ordered and unordered, per-document writeErrors with code 11000 on duplicate _id),
             update (replacement and operator updates, upsert, multi), delete (limit 0/1)
  reads      find (filter, projection, sort, skip, limit, batchSize, singleBatch), getMore, killCursors,
             aggregate, count, distinct
  catalogue  create (incl. timeseries {timeField, metaField, granularity} and expireAfterSeconds),
             listCollections (filter, nameOnly), drop, dropDatabase, listDatabases,
             createIndexes, listIndexes, dropIndexes

Time-series collections behave as in MongoDB where a sink could notice: the timeField must hold a BSON date
(otherwise a write error), and _id is NOT unique (MongoDB builds no _id index on them), so a sink that
re-sends a document duplicates it here exactly as it would on a real server.

Time-series creation options are checked as mongod 7.0 checks them (unknown option, timeField/metaField that
is _id, dotted or the same field, granularity other than seconds|minutes|hours), so a sink that would be refused
in production is refused here too.

Everything lives in memory: stopping the process loses it (tests/infra/server.sh stop|start mongo).

This is test infrastructure only. Production points MONGO_HOST/MONGO_PORT/MONGO_DB at a real mongod (5.0 or
later for time-series collections; the shapes here follow 7.0): the stand-in serves one request at a time under
one lock and stores through mongomock, so it inserts some tens of thousands of documents per second, not the
hundreds of thousands a mongod does (perf/results/sinks.md).
"""

import argparse
import datetime
import itertools
import signal
import sys
import threading
import traceback
from collections import OrderedDict

import mongomock
from bson import ObjectId
from bson.int64 import Int64
from mockupdb import MockupDB, OpMsg, OpQuery

MAX_WIRE_VERSION = 21  # MongoDB 7.0
SERVER_VERSION = "7.0.0"
OP_MSG_MORE_TO_COME = 2
DEFAULT_FIRST_BATCH = 101
TS_HIDDEN_ID = "__standin_id"


class CommandError(Exception):
    def __init__(self, code, code_name, message):
        super().__init__(message)
        self.code = code
        self.code_name = code_name


class StoredCollection:
    """One collection: its creation options and the mongomock collection holding its documents."""

    def __init__(self, mongo_collection, options):
        self.mongo = mongo_collection
        self.options = options
        ts = options.get("timeseries")
        self.time_field = ts.get("timeField") if ts else None

    @property
    def is_timeseries(self):
        return self.time_field is not None

    def to_stored(self, doc):
        doc = OrderedDict(doc)
        if "_id" not in doc:
            doc["_id"] = ObjectId()
        if not self.is_timeseries:
            return doc
        if not isinstance(doc.get(self.time_field), datetime.datetime):
            raise CommandError(2, "BadValue",
                               "'%s' must be present and contain a valid BSON UTC datetime value" % self.time_field)
        # No unique _id in a time-series collection: keep the caller's _id aside, key storage by a fresh one.
        doc[TS_HIDDEN_ID] = doc["_id"]
        doc["_id"] = ObjectId()
        return doc

    def from_stored(self, doc):
        if not self.is_timeseries or TS_HIDDEN_ID not in doc:
            return doc
        out = OrderedDict()
        out["_id"] = doc[TS_HIDDEN_ID]
        for key, value in doc.items():
            if key not in ("_id", TS_HIDDEN_ID):
                out[key] = value
        return out

    def translate(self, spec):
        """Rewrites top-level _id references in a filter/sort/projection for a time-series collection."""
        if not self.is_timeseries or not isinstance(spec, dict):
            return spec
        out = OrderedDict()
        for key, value in spec.items():
            if key == "_id":
                out[TS_HIDDEN_ID] = value
            elif key in ("$and", "$or", "$nor") and isinstance(value, list):
                out[key] = [self.translate(part) for part in value]
            else:
                out[key] = value
        return out


TS_GRANULARITIES = ("seconds", "minutes", "hours")
TS_OPTION_NAMES = ("timeField", "metaField", "granularity", "bucketMaxSpanSeconds", "bucketRoundingSeconds")


def check_timeseries_options(ts):
    """Refuses time-series options a real mongod 7.0 refuses, with its error codes, so a sink that creates the
    collection wrongly fails here as it would in production instead of passing against a lenient stand-in."""
    for key in ts:
        if key not in TS_OPTION_NAMES:
            raise CommandError(40415, "Location40415", "BSON field 'create.timeseries.%s' is an unknown field." % key)
    time_field = ts["timeField"]
    meta_field = ts.get("metaField")
    if not isinstance(time_field, str) or "." in time_field or time_field == "_id":
        raise CommandError(2, "BadValue", "The 'timeField' must be a top-level field name other than _id, not '%s'"
                           % time_field)
    if meta_field is not None:
        if not isinstance(meta_field, str) or "." in meta_field or meta_field == "_id":
            raise CommandError(2, "BadValue", "The 'metaField' must be a top-level field name other than _id, not '%s'"
                               % meta_field)
        if meta_field == time_field:
            raise CommandError(2, "BadValue", "The 'metaField' and 'timeField' must be different fields")
    granularity = ts.get("granularity")
    if granularity is not None and granularity not in TS_GRANULARITIES:
        raise CommandError(2, "BadValue", "Invalid timeseries granularity: '%s' (seconds, minutes or hours)" % granularity)


class StandIn:
    def __init__(self):
        self.client = mongomock.MongoClient()
        self.collections = {}  # (db, name) -> StoredCollection
        self.cursors = {}  # id -> (namespace, list of remaining docs)
        self.cursor_ids = itertools.count(1000)
        self.connection_ids = itertools.count(1)
        self.lock = threading.Lock()

    # ---------------------------------------------------------------- plumbing

    def handle(self, request):
        if not isinstance(request, (OpMsg, OpQuery)):
            request.fail("the stand-in speaks OP_MSG and OP_QUERY commands only, not %s" % type(request).__name__)
            return True
        doc = request.doc
        name = next(iter(doc), None) if doc else None
        db = request.namespace.split(".")[0] if request.namespace else "admin"
        if isinstance(request, OpMsg):
            db = doc.get("$db", db)
        with self.lock:
            try:
                reply = self.dispatch(name, db, doc)
            except CommandError as error:
                reply = OrderedDict(ok=0, errmsg=str(error), code=error.code, codeName=error.code_name)
            except mongomock.OperationFailure as error:
                reply = OrderedDict(ok=0, errmsg=str(error), code=error.code or 2, codeName="BadValue")
            except Exception as error:  # a bug here must not kill the connection thread silently
                traceback.print_exc()
                sys.stdout.flush()
                reply = OrderedDict(ok=0, errmsg="stand-in error in %s: %s" % (name, error), code=1,
                                    codeName="InternalError")
        if isinstance(request, OpMsg) and request.flags & OP_MSG_MORE_TO_COME:
            return True  # unacknowledged write (w:0): the client expects no reply
        request.replies(reply)
        return True

    def dispatch(self, name, db, doc):
        if name is None:
            raise CommandError(59, "CommandNotFound", "empty command")
        handler = COMMANDS.get(name) or COMMANDS.get(name.lower())
        if handler is None:
            print("stand-in: unsupported command %r" % name, flush=True)
            raise CommandError(59, "CommandNotFound", "no such command: '%s'" % name)
        return handler(self, db, doc)

    def stored(self, db, name, create=True):
        key = (db, name)
        if key not in self.collections:
            if not create:
                return None
            self.collections[key] = StoredCollection(self.client[db][name], OrderedDict())
        return self.collections[key]

    def open_cursor(self, namespace, docs, batch_size, single_batch):
        if batch_size is None:
            batch_size = DEFAULT_FIRST_BATCH
        # batchSize 0 opens the cursor with an empty first batch, as mongod does.
        first, rest = docs[:batch_size], docs[batch_size:]
        cursor_id = 0
        if rest and not single_batch:
            cursor_id = next(self.cursor_ids)
            self.cursors[cursor_id] = (namespace, rest)
        return OrderedDict(cursor=OrderedDict(firstBatch=first, id=Int64(cursor_id), ns=namespace), ok=1)

    # ---------------------------------------------------------------- handshake and server

    def hello(self, db, doc):
        name = next(iter(doc))
        reply = OrderedDict()
        if name == "hello":
            reply["isWritablePrimary"] = True
        else:
            reply["ismaster"] = True
        reply.update(helloOk=True, maxBsonObjectSize=16 * 1024 * 1024, maxMessageSizeBytes=48000000,
                     maxWriteBatchSize=100000, localTime=datetime.datetime.now(datetime.timezone.utc),
                     logicalSessionTimeoutMinutes=30, connectionId=next(self.connection_ids),
                     minWireVersion=0, maxWireVersion=MAX_WIRE_VERSION, readOnly=False, ok=1)
        return reply

    def build_info(self, db, doc):
        return OrderedDict(version=SERVER_VERSION, versionArray=[7, 0, 0, 0], gitVersion="standin",
                           bits=64, maxBsonObjectSize=16 * 1024 * 1024, ok=1)

    def ok(self, db, doc):
        return OrderedDict(ok=1)

    def server_status(self, db, doc):
        return OrderedDict(host="127.0.0.1", version=SERVER_VERSION, process="mongo_standin",
                           uptime=1, connections=OrderedDict(current=1), ok=1)

    # ---------------------------------------------------------------- writes

    def insert(self, db, doc):
        coll = self.stored(db, doc["insert"])
        ordered = doc.get("ordered", True)
        inserted = 0
        errors = []
        for index, document in enumerate(doc.get("documents", [])):
            try:
                coll.mongo.insert_one(coll.to_stored(document))
                inserted += 1
            except mongomock.DuplicateKeyError as error:
                errors.append(OrderedDict(index=index, code=11000, errmsg="E11000 duplicate key error collection: "
                                          "%s.%s index: _id_ dup key: %s" % (db, doc["insert"], error)))
            except CommandError as error:
                errors.append(OrderedDict(index=index, code=error.code, errmsg=str(error)))
            if errors and ordered:
                break
        reply = OrderedDict(n=inserted)
        if errors:
            reply["writeErrors"] = errors
        reply["ok"] = 1
        return reply

    def update(self, db, doc):
        coll = self.stored(db, doc["update"])
        matched = modified = 0
        upserted = []
        for index, spec in enumerate(doc.get("updates", [])):
            query = coll.translate(spec.get("q", {}))
            change = spec.get("u", {})
            upsert = spec.get("upsert", False)
            is_replacement = isinstance(change, dict) and not any(k.startswith("$") for k in change)
            if is_replacement:
                result = coll.mongo.replace_one(query, change, upsert=upsert)
            elif spec.get("multi", False):
                result = coll.mongo.update_many(query, change, upsert=upsert)
            else:
                result = coll.mongo.update_one(query, change, upsert=upsert)
            matched += result.matched_count
            modified += result.modified_count
            if result.upserted_id is not None:
                upserted.append(OrderedDict(index=index, _id=result.upserted_id))
        reply = OrderedDict(n=matched + len(upserted), nModified=modified)
        if upserted:
            reply["upserted"] = upserted
        reply["ok"] = 1
        return reply

    def delete(self, db, doc):
        coll = self.stored(db, doc["delete"])
        removed = 0
        for spec in doc.get("deletes", []):
            query = coll.translate(spec.get("q", {}))
            if spec.get("limit", 0) == 1:
                removed += coll.mongo.delete_one(query).deleted_count
            else:
                removed += coll.mongo.delete_many(query).deleted_count
        return OrderedDict(n=removed, ok=1)

    # ---------------------------------------------------------------- reads

    def find(self, db, doc):
        name = doc["find"]
        coll = self.stored(db, name)
        cursor = coll.mongo.find(coll.translate(doc.get("filter") or {}), coll.translate(doc.get("projection")) or None)
        if doc.get("sort"):
            cursor = cursor.sort(list(coll.translate(doc["sort"]).items()))
        if doc.get("skip"):
            cursor = cursor.skip(int(doc["skip"]))
        limit = int(doc.get("limit") or 0)
        if limit:
            cursor = cursor.limit(abs(limit))
        docs = [coll.from_stored(d) for d in cursor]
        single = doc.get("singleBatch", False) or limit < 0
        return self.open_cursor("%s.%s" % (db, name), docs, doc.get("batchSize"), single)

    def get_more(self, db, doc):
        cursor_id = int(doc["getMore"])
        if cursor_id not in self.cursors:
            raise CommandError(43, "CursorNotFound", "cursor id %d not found" % cursor_id)
        namespace, rest = self.cursors.pop(cursor_id)
        batch_size = doc.get("batchSize") or len(rest)
        batch, rest = rest[:batch_size], rest[batch_size:]
        next_id = 0
        if rest:
            next_id = cursor_id
            self.cursors[cursor_id] = (namespace, rest)
        return OrderedDict(cursor=OrderedDict(nextBatch=batch, id=Int64(next_id), ns=namespace), ok=1)

    def kill_cursors(self, db, doc):
        killed, missing = [], []
        for cursor_id in doc.get("cursors", []):
            (killed if self.cursors.pop(int(cursor_id), None) is not None else missing).append(Int64(cursor_id))
        return OrderedDict(cursorsKilled=killed, cursorsNotFound=missing, cursorsAlive=[], cursorsUnknown=[], ok=1)

    def aggregate(self, db, doc):
        name = doc["aggregate"]
        if not isinstance(name, str):
            raise CommandError(115, "CommandNotSupported", "database-level aggregate is not supported by the stand-in")
        coll = self.stored(db, name)
        pipeline = list(doc.get("pipeline", []))
        if coll.is_timeseries and pipeline and "$match" in pipeline[0]:
            pipeline[0] = OrderedDict([("$match", coll.translate(pipeline[0]["$match"]))])
        docs = [coll.from_stored(d) for d in coll.mongo.aggregate(pipeline)]
        batch_size = (doc.get("cursor") or {}).get("batchSize")
        return self.open_cursor("%s.%s" % (db, name), docs, batch_size, False)

    def count(self, db, doc):
        coll = self.stored(db, doc["count"])
        return OrderedDict(n=coll.mongo.count_documents(coll.translate(doc.get("query") or {})), ok=1)

    def distinct(self, db, doc):
        coll = self.stored(db, doc["distinct"])
        values = coll.mongo.distinct(doc["key"], coll.translate(doc.get("query") or {}))
        return OrderedDict(values=values, ok=1)

    # ---------------------------------------------------------------- catalogue

    def create(self, db, doc):
        name = doc["create"]
        if (db, name) in self.collections:
            raise CommandError(48, "NamespaceExists", "Collection %s.%s already exists." % (db, name))
        options = OrderedDict((k, v) for k, v in doc.items()
                              if k not in ("create", "$db", "lsid", "$clusterTime", "$readPreference", "writeConcern"))
        ts = options.get("timeseries")
        if ts is not None:
            if not isinstance(ts, dict) or not ts.get("timeField"):
                raise CommandError(40414, "Location40414",
                                   "BSON field 'create.timeseries.timeField' is missing but a required field")
            ts = OrderedDict(ts)
            check_timeseries_options(ts)
            ts.setdefault("granularity", "seconds")
            ts.setdefault("bucketMaxSpanSeconds", {"seconds": 3600, "minutes": 86400, "hours": 2592000}
                          .get(ts["granularity"], 3600))
            options["timeseries"] = ts
        self.client[db].create_collection(name)
        self.collections[(db, name)] = StoredCollection(self.client[db][name], options)
        return OrderedDict(ok=1)

    def list_collections(self, db, doc):
        entries = []
        for (coll_db, name), coll in sorted(self.collections.items()):
            if coll_db != db:
                continue
            entry = OrderedDict(name=name, type="timeseries" if coll.is_timeseries else "collection")
            if not doc.get("nameOnly"):
                entry["options"] = coll.options
                entry["info"] = OrderedDict(readOnly=False)
            entries.append(entry)
        query = doc.get("filter") or {}
        if query:
            scratch = mongomock.MongoClient()["scratch"]["entries"]
            for i, entry in enumerate(entries):
                scratch.insert_one(OrderedDict(_id=i, **entry))
            matching = {d["_id"] for d in scratch.find(query)}
            entries = [e for i, e in enumerate(entries) if i in matching]
        batch_size = (doc.get("cursor") or {}).get("batchSize")
        return self.open_cursor("%s.$cmd.listCollections" % db, entries, batch_size, False)

    def drop(self, db, doc):
        name = doc["drop"]
        self.collections.pop((db, name), None)
        self.client[db].drop_collection(name)
        return OrderedDict(ns="%s.%s" % (db, name), ok=1)

    def drop_database(self, db, doc):
        for key in [k for k in self.collections if k[0] == db]:
            del self.collections[key]
        self.client.drop_database(db)
        return OrderedDict(dropped=db, ok=1)

    def list_databases(self, db, doc):
        names = sorted({k[0] for k in self.collections})
        databases = [OrderedDict(name=n, sizeOnDisk=0, empty=False) for n in names]
        if doc.get("nameOnly"):
            databases = [OrderedDict(name=n) for n in names]
        return OrderedDict(databases=databases, totalSize=0, ok=1)

    def create_indexes(self, db, doc):
        coll = self.stored(db, doc["createIndexes"])
        before = len(coll.mongo.index_information())
        for index in doc.get("indexes", []):
            coll.mongo.create_index(list(index["key"].items()), name=index.get("name"),
                                    unique=bool(index.get("unique", False)))
        after = len(coll.mongo.index_information())
        return OrderedDict(numIndexesBefore=before, numIndexesAfter=after, createdCollectionAutomatically=False, ok=1)

    def list_indexes(self, db, doc):
        name = doc["listIndexes"]
        coll = self.stored(db, name, create=False)
        if coll is None:
            raise CommandError(26, "NamespaceNotFound", "ns does not exist: %s.%s" % (db, name))
        entries = []
        for index_name, info in coll.mongo.index_information().items():
            if coll.is_timeseries and index_name == "_id_":
                continue  # a time-series collection has no _id index
            entry = OrderedDict(v=2, key=OrderedDict(info["key"]), name=index_name)
            if info.get("unique"):
                entry["unique"] = True
            entries.append(entry)
        return self.open_cursor("%s.%s" % (db, name), entries, (doc.get("cursor") or {}).get("batchSize"), False)

    def drop_indexes(self, db, doc):
        coll = self.stored(db, doc["dropIndexes"])
        index = doc.get("index")
        if index == "*":
            coll.mongo.drop_indexes()
        else:
            coll.mongo.drop_index(index)
        return OrderedDict(ok=1)


COMMANDS = {
    "hello": StandIn.hello,
    "ismaster": StandIn.hello,
    "isMaster": StandIn.hello,
    "buildInfo": StandIn.build_info,
    "buildinfo": StandIn.build_info,
    "ping": StandIn.ok,
    "endSessions": StandIn.ok,
    "getParameter": StandIn.ok,
    "getLastError": StandIn.ok,
    "serverStatus": StandIn.server_status,
    "insert": StandIn.insert,
    "update": StandIn.update,
    "delete": StandIn.delete,
    "find": StandIn.find,
    "getMore": StandIn.get_more,
    "killCursors": StandIn.kill_cursors,
    "aggregate": StandIn.aggregate,
    "count": StandIn.count,
    "distinct": StandIn.distinct,
    "create": StandIn.create,
    "listCollections": StandIn.list_collections,
    "drop": StandIn.drop,
    "dropDatabase": StandIn.drop_database,
    "listDatabases": StandIn.list_databases,
    "createIndexes": StandIn.create_indexes,
    "listIndexes": StandIn.list_indexes,
    "dropIndexes": StandIn.drop_indexes,
}


def main():
    parser = argparse.ArgumentParser(description="MongoDB wire-protocol stand-in (mockupdb + mongomock)")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()

    standin = StandIn()
    server = MockupDB(port=args.port, request_timeout=int(1e6))
    server.autoresponds(standin.handle)
    server.run()
    print("stand-in: MongoDB %s wire protocol (maxWireVersion %d) on %s" % (SERVER_VERSION, MAX_WIRE_VERSION,
                                                                             server.address_string), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    server.stop()


if __name__ == "__main__":
    main()
