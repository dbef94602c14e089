package io.segmentbeam.api;

import java.util.List;

/**
 * The constraints of the Personalize API model (2018-05-22) that requests are checked against.
 * Each constant names the model's shape; ApiModelConformanceTest holds them equal to the model.
 */
public final class ApiRules {
  private ApiRules() {}

  public static final StringRule NAME = StringRule.of("Name", 1, 63, "^[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
  public static final StringRule ARN = StringRule.of("Arn", 0, 256, "arn:([a-z\\d-]+):personalize:.*:.*:.+");
  public static final StringRule ROLE_ARN =
      StringRule.of("RoleArn", 0, 256, "arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
  public static final StringRule S3_LOCATION = StringRule.of("S3Location", 0, 256, "(s3|http|https)://.+");
  public static final StringRule KMS_KEY_ARN =
      StringRule.of("KmsKeyArn", 0, 2048, "arn:aws.*:kms:.*:[0-9]{12}:key/.*");
  public static final StringRule NEXT_TOKEN = StringRule.of("NextToken", 0, 1500, "\\p{ASCII}{0,1500}");
  public static final StringRule TAG_KEY = StringRule.of("TagKey", 1, 128, "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
  public static final StringRule TAG_VALUE = StringRule.of("TagValue", 0, 256, "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");

  public static final StringRule FILTER_EXPRESSION = StringRule.of("FilterExpression", 1, 2500, null);
  public static final StringRule EVENT_TYPE = StringRule.of("EventType", 0, 256, null);
  public static final StringRule EVENT_VALUE_THRESHOLD = StringRule.of("EventValueThreshold", 0, 256, null);
  public static final StringRule PARAMETER_NAME = StringRule.of("ParameterName", 0, 256, null);
  public static final StringRule PARAMETER_VALUE = StringRule.of("ParameterValue", 0, 1000, null);
  /** MetricName's bound, shared by the HPO objective's and resource config's strings (each max 256). */
  public static final StringRule METRIC_NAME = StringRule.of("MetricName", 0, 256, null);
  public static final StringRule CATEGORICAL_VALUE = StringRule.of("CategoricalValue", 0, 1000, null);

  /** HyperParameters map bound. */
  public static final int HYPER_PARAMETERS_MAX = 100;

  /** TrainingMode enum. */
  public static final List<String> TRAINING_MODES = List.of("FULL", "UPDATE", "AUTOTRAIN");

  /** ImportMode enum; the first is the default. */
  public static final List<String> IMPORT_MODES = List.of("FULL", "INCREMENTAL");

  /** IngestionMode enum. */
  public static final List<String> INGESTION_MODES = List.of("BULK", "PUT", "ALL");

  /** DatasetType values a dataset can have here (the model only bounds the string). */
  public static final List<String> DATASET_TYPES =
      List.of("Interactions", "Users", "Items", "Actions", "Action_Interactions");

  /** Domain enum. */
  public static final List<String> DOMAINS = List.of("ECOMMERCE", "VIDEO_ON_DEMAND");

  public static final StringRule DATASET_TYPE = StringRule.of("DatasetType", 0, 256, "^[A-Za-z_]+$");
  public static final StringRule AVRO_SCHEMA = StringRule.of("AvroSchema", 0, 20000, null);

  /** MaxResults of the list operations. */
  public static final int MAX_RESULTS_MIN = 1;
  public static final int MAX_RESULTS_MAX = 100;
  public static final int MAX_RESULTS_DEFAULT = 100;

  /** Tags list bound. */
  public static final int TAGS_MAX = 200;

  /**
   * numResults of a batch segment job. The model gives NumBatchResults no bounds; the documented
   * service limits are a default of 25 and at most 5,000,000 users per line.
   */
  public static final int NUM_RESULTS_MIN = 1;
  public static final int NUM_RESULTS_MAX = 5_000_000;
  public static final int NUM_RESULTS_DEFAULT = 25;
}
