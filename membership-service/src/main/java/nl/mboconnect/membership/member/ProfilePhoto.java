package nl.mboconnect.membership.member;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import nl.mboconnect.platform.domain.Refusal;

/**
 * A profile photo as it is kept and shown: a JPEG of at most {@value #SIDE} pixels a side, made
 * from what a member uploaded. The type is read from the bytes themselves (a name or a declared
 * content type says nothing), the size in pixels is checked before the image is decoded, so a small
 * file that unpacks to a huge image is refused without being unpacked.
 */
public record ProfilePhoto(byte[] jpeg, int width, int height) {

    /** What a member may upload, in bytes. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int SIDE = 512;
    private static final long MAX_PIXELS = 40_000_000;

    /** The photo made from uploaded bytes; refused when they are no JPEG, PNG or GIF image. */
    public static ProfilePhoto from(byte[] upload) {
        String format = formatOf(upload);
        if (format == null) {
            throw Refusal.invalid("photo", "not-an-image", "a photo is a JPEG, PNG or GIF image");
        }
        BufferedImage small = scaled(decode(upload, format));
        return new ProfilePhoto(jpeg(small), small.getWidth(), small.getHeight());
    }

    /** The image format the bytes begin with, or none. WebP and others are not decoded here. */
    static String formatOf(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "jpeg";
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "png";
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return "gif";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage decode(byte[] upload, String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw Refusal.invalid("photo", "not-an-image", "a photo is a JPEG, PNG or GIF image");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS || pixels <= 0) {
                throw Refusal.invalid("photo", "too-many-pixels", "a photo has at most 40 million pixels");
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw Refusal.invalid("photo", "not-an-image", "this image cannot be read");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw Refusal.invalid("photo", "not-an-image", "this image cannot be read");
        } finally {
            reader.dispose();
        }
    }

    /** Fits the image in {@value #SIDE}×{@value #SIDE}, never enlarged, on white where it was transparent. */
    private static BufferedImage scaled(BufferedImage image) {
        double factor = Math.min(1.0, (double) SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam quality = writer.getDefaultWriteParam();
            quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            quality.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), quality);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProfilePhoto photo && Arrays.equals(jpeg, photo.jpeg);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(jpeg);
    }

    @Override
    public String toString() {
        return "ProfilePhoto[" + width + "×" + height + ", " + jpeg.length + " bytes]";
    }
}
