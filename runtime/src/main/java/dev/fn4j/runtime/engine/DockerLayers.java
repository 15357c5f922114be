package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells how many leading layers of an image Docker already has, from the layer chains of the
 * images it holds, so that an upload may leave those layers out. Safe for concurrent use.
 */
final class DockerLayers {

    private final DockerClient client;
    private final DockerErrors errors;
    /**
     * Image id → the chain ids of its leading layers, for images Docker listed at the last look.
     * Images are immutable, so an entry never goes stale while its image exists.
     */
    private final Map<String, List<String>> chainsByImage = new ConcurrentHashMap<>();

    DockerLayers(DockerClient client, DockerErrors errors) {
        this.client = Objects.requireNonNull(client, "client");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * How many leading entries of {@code diffIds} Docker has as exactly that chain of layers.
     *
     * @throws IllegalArgumentException when an entry is not a diff id
     */
    int reusable(List<String> diffIds) {
        List<String> wanted = LayerChains.of(diffIds);
        Set<String> known = knownChains();
        int reusable = 0;
        while (reusable < wanted.size() && known.contains(wanted.get(reusable))) {
            reusable++;
        }
        return reusable;
    }

    /** The chain id of every leading run of layers of every image Docker has now. */
    private Set<String> knownChains() {
        List<Image> images;
        try {
            images = client.listImagesCmd().withShowAll(true).exec();
        } catch (RuntimeException e) {
            throw errors.translate(e, "list images");
        }
        Set<String> listed = new HashSet<>();
        Set<String> known = new HashSet<>();
        for (Image image : images) {
            String id = image.getId();
            listed.add(id);
            List<String> chains = chainsByImage.get(id);
            if (chains == null) {
                chains = chainsOf(id);
                if (chains == null) {
                    continue; // removed since it was listed
                }
                chainsByImage.put(id, chains);
            }
            known.addAll(chains);
        }
        chainsByImage.keySet().retainAll(listed);
        return known;
    }

    /** The image's chain ids, or {@code null} when Docker no longer has it. */
    private List<String> chainsOf(String imageId) {
        InspectImageResponse image;
        try {
            image = client.inspectImageCmd(imageId).exec();
        } catch (NotFoundException e) {
            return null;
        } catch (RuntimeException e) {
            throw errors.translate(e, "inspect image " + imageId);
        }
        List<String> layers = image.getRootFS() == null || image.getRootFS().getLayers() == null
                ? List.of()
                : image.getRootFS().getLayers();
        // Docker lists sha256 diff ids; should one ever not be, only the layers before it count.
        return LayerChains.of(layers.stream()
                .takeWhile(layer ->
                        layer != null && LayerChains.DIFF_ID.matcher(layer).matches())
                .toList());
    }
}
