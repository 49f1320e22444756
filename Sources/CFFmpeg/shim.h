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
#include <libswscale/swscale.h>
#include <libswresample/swresample.h>
#include <errno.h>
#include <string.h>

/* Swift does not import function-like or compound-literal macros; these wrap the ones Footfall needs. */
static inline int cff_averror(int e) { return AVERROR(e); }
static inline int cff_eagain(void) { return AVERROR(EAGAIN); }
static inline int cff_eof(void) { return AVERROR_EOF; }
static inline int64_t cff_nopts(void) { return AV_NOPTS_VALUE; }
static inline AVRational cff_time_base_q(void) { return AV_TIME_BASE_Q; }
static inline const char *cff_err2str(int e, char *buf, size_t n) { av_strerror(e, buf, n); return buf; }
static inline uint8_t *cff_frame_data(const AVFrame *f, int p) { return f->data[p]; }
static inline int cff_frame_linesize(const AVFrame *f, int p) { return f->linesize[p]; }

#endif
