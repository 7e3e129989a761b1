// File: daily/stored_digest.h
//
// Builds the business-day digest from the store: picks the two snapshots (the active one
// and a baseline chosen by --since), loads their entities, computes the delta, and gathers
// the alerts raised against the added or changed entities (the customers affected).
//
//   INTERDICT_ASSIGN_OR_RETURN(std::unique_ptr<StoredDigest> d, LoadDigest(*store, {.since = ""}));
//   std::cout << RenderDigest(d->input, DigestFormat::kMarkdown);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interdict/entity.h"
#include "interdict/status.h"

#include "daily/delta.h"
#include "daily/digest.h"
#include "store/store.h"

namespace interdict::daily {

struct DigestRequest {
  // The baseline: "" = the snapshot created just before the active one; a number = that
  // snapshot id; an ISO date or time ("2024-05-03") = the newest snapshot created before it
  // (none: everything in the active snapshot is new).
  std::string since;
  size_t max_listed = 1000;
};

// Owns everything the DigestInput points into. Not copyable (input.delta points inside).
struct StoredDigest {
  std::vector<Entity> before;
  std::vector<Entity> after;
  Delta delta;
  DigestInput input;

  StoredDigest() = default;
  StoredDigest(const StoredDigest&) = delete;
  StoredDigest& operator=(const StoredDigest&) = delete;
};

// Errors: kFailedPrecondition when the store has no active snapshot; kNotFound for a
// --since snapshot id that does not exist; kInvalidArgument for a --since that is neither a
// number nor a date; store errors.
Result<std::unique_ptr<StoredDigest>> LoadDigest(store::Store& store, const DigestRequest& request);

// The DigestSnapshot form of a stored snapshot.
DigestSnapshot ToDigestSnapshot(const store::SnapshotInfo& info);

}  // namespace interdict::daily
