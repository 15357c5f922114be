package dev.fn4j.runtime.engine;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.error.Messages;

/**
 * An uploaded archive leaves out the file of a layer, counting on the engine to have that layer,
 * and the engine does not: the client must upload the whole image.
 */
public final class LayersMissingException extends EngineException {
    private static final long serialVersionUID = 1L;

    /** @param layerFile the layer file, as the archive's manifest names it */
    public LayersMissingException(String layerFile) {
        super("the archive leaves out layer file " + Messages.quote(layerFile) + ", and the engine"
                + " does not have that layer; upload the whole image (clients retry with the full"
                + " archive)");
    }

    @Override
    public ApiException toApi() {
        return new ApiException(ErrorCode.LAYERS_MISSING, getMessage(), this);
    }
}
