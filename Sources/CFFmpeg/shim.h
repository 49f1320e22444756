#ifndef FOOTFALL_CFFMPEG_SHIM_H
#define FOOTFALL_CFFMPEG_SHIM_H
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/samplefmt.h>
#include <libavutil/tx.h>
#include <libswscale/swscale.h>
#include <libswresample/swresample.h>
#include <errno.h>
#include <string.h>
#include <math.h>

/* Swift does not import function-like or compound-literal macros; these wrap the ones Footfall needs. */
static inline int cff_averror(int e) { return AVERROR(e); }
static inline int cff_eagain(void) { return AVERROR(EAGAIN); }
static inline int cff_eof(void) { return AVERROR_EOF; }
static inline int64_t cff_nopts(void) { return AV_NOPTS_VALUE; }
static inline AVRational cff_time_base_q(void) { return AV_TIME_BASE_Q; }
static inline const char *cff_err2str(int e, char *buf, size_t n) { av_strerror(e, buf, n); return buf; }
static inline uint8_t *cff_frame_data(const AVFrame *f, int p) { return f->data[p]; }
static inline int cff_frame_linesize(const AVFrame *f, int p) { return f->linesize[p]; }

/* Display matrix rotation in degrees counter-clockwise (av_display_rotation_get), or NAN when the stream has none.
   FFmpeg 5.1 keeps it in AVStream side data; 6.1+ moved it to codecpar->coded_side_data. */
static inline double cff_stream_rotation_ccw(const AVStream *st) {
#if LIBAVFORMAT_VERSION_MAJOR >= 61
    const AVPacketSideData *sd = av_packet_side_data_get(st->codecpar->coded_side_data,
        st->codecpar->nb_coded_side_data, AV_PKT_DATA_DISPLAYMATRIX);
    if (!sd || sd->size < 36) return NAN;
    return av_display_rotation_get((const int32_t *)sd->data);
#else
    size_t size = 0;
    const uint8_t *m = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
    if (!m || size < 36) return NAN;
    return av_display_rotation_get((const int32_t *)m);
#endif
}

/* Tags the stream with a display matrix telling players to turn the picture `cw` degrees clockwise
   (av_display_rotation_set takes a clockwise angle; av_display_rotation_get returns a counter-clockwise one). */
static inline int cff_set_stream_rotation_cw(AVStream *st, double cw) {
#if LIBAVFORMAT_VERSION_MAJOR >= 61
    AVPacketSideData *sd = av_packet_side_data_new(&st->codecpar->coded_side_data,
        &st->codecpar->nb_coded_side_data, AV_PKT_DATA_DISPLAYMATRIX, 36, 0);
    if (!sd) return AVERROR(ENOMEM);
    av_display_rotation_set((int32_t *)sd->data, cw);
#else
    uint8_t *m = av_stream_new_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, 36);
    if (!m) return AVERROR(ENOMEM);
    av_display_rotation_set((int32_t *)m, cw);
#endif
    return 0;
}

/* avcodec_parameters_copy does not copy stream side data (rotation etc.) in 5.1; this does. */
static inline int cff_copy_stream_side_data(AVStream *dst, const AVStream *src) {
#if LIBAVFORMAT_VERSION_MAJOR < 61
    for (int i = 0; i < src->nb_side_data; i++) {
        const AVPacketSideData *sd = &src->side_data[i];
        uint8_t *d = av_stream_new_side_data(dst, sd->type, sd->size);
        if (!d) return AVERROR(ENOMEM);
        memcpy(d, sd->data, sd->size);
    }
#endif
    return 0;
}

static inline AVChannelLayout cff_channel_layout_default(int channels) {
    AVChannelLayout l;
    av_channel_layout_default(&l, channels);
    return l;
}

#endif
