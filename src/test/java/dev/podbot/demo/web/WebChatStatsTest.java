package dev.podbot.demo.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.podbot.demo.DemoProfile;
import dev.podbot.demo.sim.PodPointSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * /stats and /export in the demo's web chat, over its JSON API: the chart comes as a photo the page shows from
 * {@code /demo/files/{id}}, the CSV as a document it offers for download. The demo account's two months of history
 * make a chart worth looking at; the test keeps it as {@code target/stats-chart-demo.png} (the README's screenshot
 * is one of these).
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class WebChatStatsTest {

    JsonPath say(String text) {
        return given().contentType("application/json").body(Map.of("text", text)).post("/demo/chat").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void statsShowAChartAndExportOffersACsv() throws Exception {
        say("/login " + PodPointSimulator.DEMO_EMAIL + " " + PodPointSimulator.DEMO_PASSWORD);
        // the week view: the demo always has charges in the last seven days, whatever today is
        JsonPath stats = say("/stats week");
        List<Map<String, Object>> replies = stats.getList("replies");
        Map<String, Object> chart = replies.stream().filter(r -> r.get("file") != null).findFirst()
                .orElseThrow(() -> new AssertionError("no photo in " + replies));
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) chart.get("file");
        assertThat(file.get("kind")).isEqualTo("photo");
        assertThat(String.valueOf(chart.get("text"))).contains("kWh", "charges");
        byte[] png = given().get(String.valueOf(file.get("url"))).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(1000);

        // the month view, kept for a look (and for the README's screenshot)
        Map<String, Object> month = say("/stats month").getMap("replies[0]");
        if (month.get("file") != null) {
            @SuppressWarnings("unchecked")
            String url = String.valueOf(((Map<String, Object>) month.get("file")).get("url"));
            Path out = Path.of("target", "stats-chart-demo.png");
            Files.createDirectories(out.getParent());
            Files.write(out, given().get(url).then().statusCode(200).extract().asByteArray());
        }

        Map<String, Object> export = say("/export").getMap("replies[0]");
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) export.get("file");
        assertThat(doc.get("kind")).isEqualTo("document");
        assertThat(doc.get("name")).isEqualTo("podpoint-charges-all.csv");
        var response = given().get(String.valueOf(doc.get("url"))).then().statusCode(200).extract();
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"podpoint-charges-all.csv\"");
        String csv = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Start,End,Charger,PPID", "Driveway", "Garage");
        assertThat(csv.split("\r\n").length).isGreaterThan(30);

        given().get("/demo/files/not-a-file").then().statusCode(404);
    }
}
