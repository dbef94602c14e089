package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of README's "Use it from your code", run as written against a started {@code serve}:
 * the AWS CLI block with bash (only the port it names is the test's), the boto3 block with python3,
 * the Java block compiled and run against AWS's v1 Personalize client.
 */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path work;

  @Test
  void theSnippetsRunAsWrittenAgainstAStartedService() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Use it from your code");
    String section = readme.substring(start, readme.indexOf("\n## ", start));
    List<String> shell = blocks(section, "sh");
    assertThat(shell.get(0), startsWith("java -jar target/segmentbeam.jar serve"));
    try (ServedEndpoint server = ServedEndpoint.start(work)) {
      Path cliFolder = Files.createDirectories(work.resolve("cli"));
      Files.createSymbolicLink(cliFolder.resolve("sample-data"), Path.of("sample-data").toAbsolutePath());
      EndpointClientsTest.Run cli = EndpointClientsTest.run(work, server.url(), List.of("bash", "-e", "-o",
          "pipefail", "-c", shell.get(1).replace("http://127.0.0.1:8095", server.url())), cliFolder);
      assertThat(cli.err(), cli.exitCode(), equalTo(0));
      assertThat(cli.out(), containsString("{\"status\":\"ok\"}"));
      assertThat(cli.out(), containsString("\"jobName\": \"from-the-cli\""));
      for (String name : List.of("items-1.json.out", "items-2.json.out")) {
        assertThat(Files.readAllLines(cliFolder.resolve("segments-from-the-cli").resolve(name)).size(), equalTo(25));
      }

      EndpointClientsTest.Run boto3 = EndpointClientsTest.run(work, server.url(),
          List.of("python3", "-c", blocks(section, "python").get(0)));
      assertThat(boto3.err(), boto3.exitCode(), equalTo(0));
      assertThat(boto3.out(), startsWith("{\"input\": {\"itemId\": "));

      String java = blocks(section, "java").get(0);
      Path sources = Files.createDirectories(work.resolve("java"));
      Path source = Files.writeString(sources.resolve("SegmentJob.java"), java);
      int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp",
          System.getProperty("java.class.path"), "-d", sources.toString(), source.toString());
      assertThat(compiled, equalTo(0));
      EndpointClientsTest.Run client = EndpointClientsTest.run(work, server.url(), List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          sources + File.pathSeparator + System.getProperty("java.class.path"), "SegmentJob"));
      assertThat(client.err(), client.exitCode(), equalTo(0));
      assertThat(client.out(), equalTo("from-java ACTIVE" + System.lineSeparator()));
    }
  }

  private static List<String> blocks(String text, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher block = BLOCK.matcher(text);
    while (block.find()) {
      if (block.group(1).equals(language)) {
        blocks.add(block.group(2));
      }
    }
    return blocks;
  }
}
