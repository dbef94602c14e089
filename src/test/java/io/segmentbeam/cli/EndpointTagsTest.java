package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.personalize.AmazonPersonalize;
import com.amazonaws.services.personalize.model.CreateFilterRequest;
import com.amazonaws.services.personalize.model.InvalidInputException;
import com.amazonaws.services.personalize.model.ListTagsForResourceRequest;
import com.amazonaws.services.personalize.model.ResourceNotFoundException;
import com.amazonaws.services.personalize.model.Tag;
import com.amazonaws.services.personalize.model.TagResourceRequest;
import com.amazonaws.services.personalize.model.TooManyTagsException;
import com.amazonaws.services.personalize.model.UntagResourceRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags given at create, and TagResource, UntagResource and ListTagsForResource, through AWS's Java client. */
class EndpointTagsTest {
  static final String GROUP = "arn:aws:personalize:us-east-1:123456789012:dataset-group/sample";
  @TempDir Path work;

  @Test
  void tagsGivenAtCreateAreListedChangedAndRemoved() throws Exception {
    try (ServedEndpoint server = ServedEndpoint.start(work)) {
      AmazonPersonalize personalize = EndpointClients.personalize(server.url());
      String filter = personalize.createFilter(new CreateFilterRequest().withName("tagged")
          .withDatasetGroupArn(GROUP).withFilterExpression("EXCLUDE UserID WHERE Users.MEMBERSHIP IN (\"gold\")")
          .withTags(tag("team", "growth"), tag("stage", "test"))).getFilterArn();
      assertThat(tags(personalize, filter), equalTo(List.of("team=growth", "stage=test")));

      personalize.tagResource(new TagResourceRequest().withResourceArn(filter)
          .withTags(tag("stage", "prod"), tag("owner", "")));
      assertThat(tags(personalize, filter), equalTo(List.of("team=growth", "stage=prod", "owner=")));

      personalize.untagResource(new UntagResourceRequest().withResourceArn(filter).withTagKeys("team", "absent"));
      assertThat(tags(personalize, filter), equalTo(List.of("stage=prod", "owner=")));

      ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () ->
          personalize.listTagsForResource(new ListTagsForResourceRequest()
              .withResourceArn("arn:aws:personalize:us-east-1:123456789012:filter/none")));
      assertThat(missing.getErrorMessage(), containsString("filter/none"));

      List<Tag> many = new ArrayList<>();
      for (int i = 0; i < 49; i++) {
        many.add(tag("key-" + i, "v"));
      }
      TooManyTagsException tooMany = assertThrows(TooManyTagsException.class, () ->
          personalize.tagResource(new TagResourceRequest().withResourceArn(filter).withTags(many)));
      assertThat(tooMany.getErrorMessage(), containsString("would have 51 tags; a resource has at most 50"));
      assertThat(tags(personalize, filter), equalTo(List.of("stage=prod", "owner=")));

      // The commands and the endpoint share the store, tags included.
      CliRun listed = CliRun.run(work.resolve("home"), "list-tags-for-resource", "--resource-arn", filter);
      assertThat(listed.err(), listed.out(), equalTo("""
          {
              "tags": [
                  {
                      "tagKey": "stage",
                      "tagValue": "prod"
                  },
                  {
                      "tagKey": "owner",
                      "tagValue": ""
                  }
              ]
          }
          """));
      CliRun tagged = CliRun.run(work.resolve("home"), "tag-resource", "--resource-arn", filter, "--tags",
          "[{\"tagKey\": \"from\", \"tagValue\": \"cli\"}]");
      assertThat(tagged.err(), tagged.exitCode(), equalTo(0));
      assertThat(tagged.out(), equalTo(""));
      CliRun untagged = CliRun.run(work.resolve("home"), "untag-resource", "--resource-arn", filter, "--tag-keys",
          "owner", "stage");
      assertThat(untagged.err(), untagged.exitCode(), equalTo(0));
      assertThat(tags(personalize, filter), equalTo(List.of("from=cli")));

      InvalidInputException noTags = assertThrows(InvalidInputException.class, () ->
          personalize.tagResource(new TagResourceRequest().withResourceArn(filter)));
      assertThat(noTags.getErrorMessage(), equalTo("1 validation error detected: Value null at 'tags' failed to "
          + "satisfy constraint: Member must not be null"));
    }
  }

  private static Tag tag(String key, String value) {
    return new Tag().withTagKey(key).withTagValue(value);
  }

  private static List<String> tags(AmazonPersonalize personalize, String arn) {
    return personalize.listTagsForResource(new ListTagsForResourceRequest().withResourceArn(arn)).getTags().stream()
        .map(tag -> tag.getTagKey() + "=" + tag.getTagValue()).toList();
  }
}
