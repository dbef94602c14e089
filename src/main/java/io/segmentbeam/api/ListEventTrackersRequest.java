package io.segmentbeam.api;

/** The ListEventTrackers request. */
public record ListEventTrackersRequest(String datasetGroupArn, Integer maxResults, String nextToken)
    implements ListRequest {

  public void validate() {
    validate("datasetGroupArn", datasetGroupArn);
  }
}
