package org.ipop.persistence.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The stock H2 backend leaves committing to MVStore's background thread, so a {@code kill -9} loses about the last
 * second of writes the client was told had succeeded. This backend commits before it answers any command that
 * changes data, so an acknowledged write is in the file before the acknowledgement leaves the process.
 *
 * <p>Commit is not fsync: after a power loss the operating system may still lose the newest pages. Installations
 * that need that guarantee run a real MongoDB replica set (see docs/operations.md).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    DurableH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Databases whose documents are stored as BSON rather than Java-serialised (see {@link BsonDocumentType}).
     * Also called by the super constructor for the existing databases, hence {@code getMvStore()} and no field.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return BsonH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return response;
    }
}
