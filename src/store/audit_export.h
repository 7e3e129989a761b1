// File: store/audit_export.h
//
// The audit trail as an examiner receives it (`interdict audit export`): CSV (RFC 4180, one
// record per row, header seq,time,actor,action,payload,prev_hash,hash) or a JSON document
// {"records": [...]} with each payload embedded as JSON. Both keep prev_hash and hash so the
// examiner can re-verify the chain with store::AuditRecordHash() or any SHA-256 tool.
//
//   INTERDICT_ASSIGN_OR_RETURN(std::vector<AuditRecord> records, store->ReadAudit(range));
//   std::cout << store::AuditToCsv(records);
#pragma once

#include <span>
#include <string>

#include "store/store.h"

namespace interdict::store {

std::string AuditToCsv(std::span<const AuditRecord> records);
std::string AuditToJson(std::span<const AuditRecord> records);

// One CSV field, quoted when it holds a comma, quote, CR or LF.
std::string CsvField(std::string_view text);

}  // namespace interdict::store
