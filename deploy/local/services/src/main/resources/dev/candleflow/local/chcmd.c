/*
 * chcmd: runs one clickhouse-local style command line inside libchdb.
 * Built by dev.candleflow.local.ChdbInstallation: gcc -O2 -o chcmd chcmd.c -lchdb -rpath $ORIGIN/../lib
 * libchdb ships no header, so the four functions used are declared here (chdb.h, chDB v3 API).
 */
#include <stddef.h>
#include <stdio.h>

typedef struct { void *internal_data; } chdb_result;

chdb_result *chdb_query_cmdline(int argc, char **argv);
char *chdb_result_buffer(chdb_result *result);
size_t chdb_result_length(chdb_result *result);
const char *chdb_result_error(chdb_result *result);

int main(int argc, char **argv) {
    chdb_result *result = chdb_query_cmdline(argc, argv);
    if (result == NULL) {
        fputs("chcmd: chdb_query_cmdline returned no result\n", stderr);
        return 2;
    }
    const char *error = chdb_result_error(result);
    if (error != NULL && error[0] != '\0') {
        fprintf(stderr, "%s\n", error);
        return 1;
    }
    fwrite(chdb_result_buffer(result), 1, chdb_result_length(result), stdout);
    return 0;
}
