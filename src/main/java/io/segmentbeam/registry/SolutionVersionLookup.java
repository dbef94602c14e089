package io.segmentbeam.registry;

import io.segmentbeam.api.ResourceNotFoundException;
import io.segmentbeam.store.ArnScope;
import java.util.Optional;

/** Finds solution versions by ARN, and says where it looks, so that "not found" names the places. */
public interface SolutionVersionLookup {
  Optional<SolutionVersion> find(String solutionVersionArn);

  /** Where versions are looked for, as a message ends a sentence: "the declarations in /x/y". */
  String where();

  /**
   * The version of an ARN in {@code scope}, or ResourceNotFoundException naming {@code field} and
   * where it was looked for: as in AWS, a version of another region or account is not found.
   */
  default SolutionVersion require(String arn, String field, ArnScope scope) {
    return find(arn).filter(found -> scope.contains(found.solutionVersionArn()))
        .orElseThrow(() -> new ResourceNotFoundException("Could not find " + field + " " + arn + ": no solution "
            + "version with that ARN is " + (scope.contains(arn) ? where() + "."
            : "declared in " + scope.region() + " for account " + scope.accountId() + ".")));
  }

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
