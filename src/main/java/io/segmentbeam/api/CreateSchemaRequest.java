package io.segmentbeam.api;

/** The CreateSchema request; the Avro schema itself is checked when a dataset uses it, as in Personalize. */
public record CreateSchemaRequest(String name, String schema, String domain) {

  public void validate() {
    new Violations()
        .string("name", name, ApiRules.NAME, true)
        .string("schema", schema, ApiRules.AVRO_SCHEMA, true)
        .oneOf("domain", domain, ApiRules.DOMAINS)
        .throwIfAny();
  }
}
