// libFuzzer's driver, for a program that has a main of its own: SwiftPM
// names the entry point of an executable target itself, so the fuzzers call
// the driver from their top-level code instead of using libFuzzer's main.
// Linked from libclang_rt.fuzzer by `-sanitize=fuzzer`.
#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

#endif
