package nl.mboconnect.platform.events.aggregate;

import java.util.function.Function;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * An aggregate as read for a change: its stored form, and the parts other features keep in the same
 * document (a roster beside an event), each read as a record of that feature's own with only the
 * fields it owns. A change writes a part back with {@link Change#withPart}.
 */
public final class Loaded<D> {

    private final D aggregate;
    private final BsonDocument document;
    private final CodecRegistry codecs;

    Loaded(D aggregate, BsonDocument document, CodecRegistry codecs) {
        this.aggregate = aggregate;
        this.document = document;
        this.codecs = codecs;
    }

    public D aggregate() {
        return aggregate;
    }

    /** The whole stored document, as read. */
    BsonDocument document() {
        return document;
    }

    /** The same document seen as another form of the aggregate (the domain's, say). */
    public <E> Loaded<E> map(Function<D, E> form) {
        return new Loaded<>(form.apply(aggregate), document, codecs);
    }

    /** The document read as {@code part}: the fields that record names, the rest ignored. */
    public <P extends Record> P part(Class<P> part) {
        return decode(document, part, codecs);
    }

    static <P> P decode(BsonDocument document, Class<P> type, CodecRegistry codecs) {
        return codecs.get(type).decode(new BsonDocumentReader(document), DecoderContext.builder().build());
    }
}
