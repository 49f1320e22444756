#ifndef FOOTFALL_CSNDFILE_SHIM_H
#define FOOTFALL_CSNDFILE_SHIM_H
#include <sndfile.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>

/* SF_BROADCAST_INFO's fixed char arrays import as long tuples; these helpers fill and read them in C. */
static inline void csf_copy_field(char *dst, size_t cap, const char *src) {
    memset(dst, 0, cap);
    if (src) strncpy(dst, src, cap);
}

static inline int csf_set_broadcast_info(SNDFILE *f, const char *description, const char *originator,
    const char *originator_reference, const char *date, const char *time, uint64_t time_reference) {
    SF_BROADCAST_INFO info;
    memset(&info, 0, sizeof info);
    csf_copy_field(info.description, sizeof info.description, description);
    csf_copy_field(info.originator, sizeof info.originator, originator);
    csf_copy_field(info.originator_reference, sizeof info.originator_reference, originator_reference);
    csf_copy_field(info.origination_date, sizeof info.origination_date, date);
    csf_copy_field(info.origination_time, sizeof info.origination_time, time);
    info.time_reference_low = (uint32_t)(time_reference & 0xffffffffu);
    info.time_reference_high = (uint32_t)(time_reference >> 32);
    info.version = 1;
    return sf_command(f, SFC_SET_BROADCAST_INFO, &info, sizeof info) == SF_TRUE ? 0 : -1;
}

/* Reads the bext chunk; returns 0 when present. Strings are copied NUL-terminated into the caller's buffers. */
static inline int csf_get_broadcast_info(SNDFILE *f, char description[257], char originator[33],
    char originator_reference[33], char date[11], char time[9], uint64_t *time_reference) {
    SF_BROADCAST_INFO info;
    memset(&info, 0, sizeof info);
    if (sf_command(f, SFC_GET_BROADCAST_INFO, &info, sizeof info) != SF_TRUE) return -1;
    memcpy(description, info.description, 256); description[256] = 0;
    memcpy(originator, info.originator, 32); originator[32] = 0;
    memcpy(originator_reference, info.originator_reference, 32); originator_reference[32] = 0;
    memcpy(date, info.origination_date, 10); date[10] = 0;
    memcpy(time, info.origination_time, 8); time[8] = 0;
    *time_reference = ((uint64_t)info.time_reference_high << 32) | info.time_reference_low;
    return 0;
}
/* SF_CUES is declared for 100 points; a footstep track has one per step, so the list is sized here. */
static inline int csf_set_cues(SNDFILE *f, const uint32_t *samples, uint32_t count) {
    size_t size = sizeof(uint32_t) + (size_t)count * sizeof(SF_CUE_POINT);
    uint32_t *buffer = (uint32_t *)calloc(1, size);
    if (!buffer) return -1;
    buffer[0] = count;
    SF_CUE_POINT *points = (SF_CUE_POINT *)(buffer + 1);
    for (uint32_t k = 0; k < count; k++) {
        points[k].indx = (int32_t)(k + 1);
        points[k].position = samples[k];
        points[k].fcc_chunk = 0x61746164; /* 'data' */
        points[k].sample_offset = samples[k];
    }
    int ok = sf_command(f, SFC_SET_CUE, buffer, (int)size) == SF_TRUE;
    free(buffer);
    return ok ? 0 : -1;
}
#endif
