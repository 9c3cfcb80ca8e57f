// The records system: domain types, the roles-and-permissions policy, the workflow, repositories, the audit trail.
