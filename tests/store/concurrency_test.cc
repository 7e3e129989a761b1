// Concurrent writers: two processes on one data directory (WAL, busy timeout, BEGIN
// IMMEDIATE) and two threads on one Store must interleave into one gapless, verifying audit
// chain without losing a write.
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_test_util.h"

namespace interdict::store {
namespace {

using testing_util::TempDir;

constexpr int kRounds = 60;

Status Writer(Store& store, const std::string& prefix) {
  for (int i = 0; i < kRounds; ++i) {
    std::vector<AuditEntry> e = {{prefix, "screening", "{\"round\":" + std::to_string(i) + "}"}};
    INTERDICT_RETURN_IF_ERROR(store.AppendAudit(e));
    std::vector<Customer> c = {{.id = prefix + std::to_string(i), .name = "Name " + prefix}};
    INTERDICT_RETURN_IF_ERROR(store.ImportCustomers(c, {.actor = prefix}).status());
  }
  return Status::Ok();
}

void ExpectAllWritesThere(Store& store) {
  auto v = store.VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason << " at " << v->first_bad_seq;
  EXPECT_EQ(v->records, 4u * kRounds);  // 2 writers x (1 screening + 1 import) per round
  auto customers = store.ListCustomers({});
  ASSERT_TRUE(customers.ok());
  EXPECT_EQ(customers->size(), 2u * kRounds);
  auto rev = store.CustomerRevision();
  ASSERT_TRUE(rev.ok());
  EXPECT_EQ(*rev, 2 * kRounds);  // every import changed something: no revision lost
}

TEST(StoreConcurrencyTest, TwoProcessesAppendToOneChain) {
  TempDir dir;
  const std::string data = dir.Sub("data");
  { ASSERT_TRUE(Store::Open(data).ok()); }  // create the schema once
  std::vector<pid_t> children;
  for (const char* prefix : {"A", "B"}) {
    std::fflush(nullptr);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      auto store = Store::Open(data);
      _exit(store.ok() && Writer(**store, prefix).ok() ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
  }
  auto store = Store::Open(data);
  ASSERT_TRUE(store.ok());
  ExpectAllWritesThere(**store);
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
}

TEST(StoreConcurrencyTest, TwoThreadsShareOneStore) {
  auto store = Store::OpenInMemory();
  ASSERT_TRUE(store.ok());
  Status a, b;
  std::thread ta([&] { a = Writer(**store, "A"); });
  std::thread tb([&] { b = Writer(**store, "B"); });
  ta.join();
  tb.join();
  ASSERT_TRUE(a.ok()) << a.ToString();
  ASSERT_TRUE(b.ok()) << b.ToString();
  ExpectAllWritesThere(**store);
}

}  // namespace
}  // namespace interdict::store
