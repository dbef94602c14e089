package io.segmentbeam.registry;

import java.util.Optional;

/** Finds solution versions by ARN, and says where it looks, so that "not found" names the places. */
public interface SolutionVersionLookup {
  Optional<SolutionVersion> find(String solutionVersionArn);

  /** Where versions are looked for, as a message ends a sentence: "the declarations in /x/y". */
  String where();

  /** This lookup, then {@code next} for what this one does not find. */
  default SolutionVersionLookup orElse(SolutionVersionLookup next) {
    SolutionVersionLookup first = this;
    return new SolutionVersionLookup() {
      @Override
      public Optional<SolutionVersion> find(String arn) {
        return first.find(arn).or(() -> next.find(arn));
      }

      @Override
      public String where() {
        return first.where() + ", nor " + next.where();
      }
    };
  }
}
