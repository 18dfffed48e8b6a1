package nl.mboconnect.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import nl.mboconnect.platform.domain.Refusal;

public class ProfilePhotoTest {

    @Test
    void aLargePngBecomesAJpegOfAtMost512PixelsKeepingItsShape() throws IOException {
        ProfilePhoto photo = ProfilePhoto.from(image("png", 2000, 1000));

        assertThat(ProfilePhoto.formatOf(photo.jpeg())).isEqualTo("jpeg");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        assertThat(stored.getWidth()).isEqualTo(512);
        assertThat(stored.getHeight()).isEqualTo(256);
        assertThat(photo.width()).isEqualTo(512);
    }

    @Test
    void aSmallImageIsNotEnlarged() throws IOException {
        ProfilePhoto photo = ProfilePhoto.from(image("gif", 40, 30));

        assertThat(photo.width()).isEqualTo(40);
        assertThat(photo.height()).isEqualTo(30);
    }

    @Test
    void theTypeIsReadFromTheBytesNotFromAName() throws IOException {
        assertThat(ProfilePhoto.formatOf(image("jpeg", 10, 10))).isEqualTo("jpeg");
        assertThat(ProfilePhoto.formatOf(image("png", 10, 10))).isEqualTo("png");
        assertThat(ProfilePhoto.formatOf("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void somethingThatIsNoImageIsRefused() {
        assertRefused("%PDF-1.7 not a photo".getBytes(StandardCharsets.UTF_8), "not-an-image");
        assertRefused(new byte[0], "not-an-image");
    }

    @Test
    void anImageThatBeginsRightButBreaksOffIsRefused() throws IOException {
        byte[] png = image("png", 100, 100);
        byte[] broken = java.util.Arrays.copyOf(png, 40);
        assertRefused(broken, "not-an-image");
    }

    @Test
    void aSmallFileThatWouldUnpackToAHugeImageIsRefusedUnread() throws IOException {
        assertRefused(withDimensions(image("png", 10, 10), 50_000, 50_000), "too-many-pixels");
    }

    private static void assertRefused(byte[] upload, String code) {
        assertThatThrownBy(() -> ProfilePhoto.from(upload)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.violations()).singleElement()
                        .satisfies(v -> assertThat(v.field() + ":" + v.code()).isEqualTo("photo:" + code)));
    }

    /** An image of the size given, drawn and written in the format given. */
    public static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                "png".equals(format) ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 102, 153));
        g.fillOval(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** The PNG with other dimensions in its header (and the header's checksum made right). */
    private static byte[] withDimensions(byte[] png, int width, int height) {
        byte[] changed = png.clone();
        ByteBuffer bytes = ByteBuffer.wrap(changed);
        bytes.putInt(16, width).putInt(20, height); // IHDR data starts at 16: width, height
        CRC32 crc = new CRC32();
        crc.update(changed, 12, 4 + 13);
        bytes.putInt(29, (int) crc.getValue());
        return changed;
    }
}
