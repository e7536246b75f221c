/* A tiny assertion harness: CHECK counts each condition, prints failures to stderr, and
 * harness_finish prints the closing line "C tests: N passed, M failed". */
#ifndef MBASU_TEST_HARNESS_H
#define MBASU_TEST_HARNESS_H

#include <stdio.h>

static unsigned harness_passed;
static unsigned harness_failed;

#define CHECK(condition, ...)                                                           \
    do {                                                                                \
        if (condition) {                                                                \
            harness_passed++;                                                           \
        } else {                                                                        \
            harness_failed++;                                                           \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #condition);       \
            fprintf(stderr, __VA_ARGS__);                                               \
            fputc('\n', stderr);                                                        \
        }                                                                               \
    } while (0)

static int harness_finish(void) {
    printf("C tests: %u passed, %u failed\n", harness_passed, harness_failed);
    return harness_failed == 0 ? 0 : 1;
}

#endif
