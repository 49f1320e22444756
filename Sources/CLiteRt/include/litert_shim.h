// Hand-written declarations of the few LiteRT C API (ai-edge-litert 2.3.0, libLiteRt.so) calls Footfall uses.
// The library is loaded at run time with dlopen (ffl_load), so Footfall builds and starts without it; every ffl_*
// call forwards to the symbol of the same LiteRt* name and returns FFL_NOT_LOADED if the library is not loaded.
#ifndef FOOTFALL_LITERT_SHIM_H
#define FOOTFALL_LITERT_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int LiteRtStatus;  // 0 == ok
typedef size_t LiteRtParamIndex;
typedef struct LiteRtEnvironmentT* LiteRtEnvironment;
typedef struct LiteRtModelT* LiteRtModel;
typedef struct LiteRtSignatureT* LiteRtSignature;
typedef struct LiteRtTensorT* LiteRtTensor;
typedef struct LiteRtOptionsT* LiteRtOptions;
typedef struct LiteRtOpaqueOptionsT* LiteRtOpaqueOptions;
typedef struct LiteRtCompiledModelT* LiteRtCompiledModel;
typedef struct LiteRtTensorBufferT* LiteRtTensorBuffer;
typedef struct LiteRtTensorBufferRequirementsT* LiteRtTensorBufferRequirements;

#define FFL_MAX_RANK 8
typedef struct {
  unsigned int rank : 7;
  unsigned int has_strides : 1;
  int32_t dimensions[FFL_MAX_RANK];
  uint32_t strides[FFL_MAX_RANK];
} LiteRtLayout;

typedef struct {
  int element_type;  // 1 == float32
  LiteRtLayout layout;
} LiteRtRankedTensorType;

enum { FFL_OK = 0, FFL_NOT_LOADED = -1000 };
enum { FFL_LOCK_READ = 0, FFL_LOCK_WRITE = 1 };
enum { FFL_ACCELERATOR_CPU = 1 };
enum { FFL_ELEMENT_FLOAT32 = 1 };

/// Loads the library and resolves every symbol. Returns 0 on success; otherwise writes a message into `error`.
/// Safe to call more than once (later calls return the first result).
int ffl_load(const char* library_path, char* error, size_t error_size);
int ffl_is_loaded(void);

/// Temporarily filters the runtime's own log lines out of stderr (other lines pass through); returns a token
/// for ffl_restore_stderr, or -1 if nothing was changed.
int ffl_silence_stderr(void);
void ffl_restore_stderr(int token);

unsigned ffl_tensor_rank(const LiteRtRankedTensorType* type);
int32_t ffl_tensor_dimension(const LiteRtRankedTensorType* type, unsigned index);

LiteRtStatus ffl_CreateEnvironment(LiteRtEnvironment* env);
void ffl_DestroyEnvironment(LiteRtEnvironment env);
LiteRtStatus ffl_CreateModelFromFile(LiteRtEnvironment env, const char* path, LiteRtModel* model);
void ffl_DestroyModel(LiteRtModel model);
LiteRtStatus ffl_GetModelSignature(LiteRtModel model, LiteRtParamIndex index, LiteRtSignature* signature);
LiteRtStatus ffl_GetNumSignatureInputs(LiteRtSignature signature, LiteRtParamIndex* count);
LiteRtStatus ffl_GetNumSignatureOutputs(LiteRtSignature signature, LiteRtParamIndex* count);
LiteRtStatus ffl_GetSignatureInputTensorByIndex(LiteRtSignature signature, LiteRtParamIndex index,
                                                LiteRtTensor* tensor);
LiteRtStatus ffl_GetSignatureOutputTensorByIndex(LiteRtSignature signature, LiteRtParamIndex index,
                                                 LiteRtTensor* tensor);
LiteRtStatus ffl_GetTensorName(LiteRtTensor tensor, const char** name);
LiteRtStatus ffl_GetRankedTensorType(LiteRtTensor tensor, LiteRtRankedTensorType* type);
/// Options for the CPU accelerator with XNNPACK running `threads` threads (the caller destroys them).
LiteRtStatus ffl_CreateCpuOptions(int threads, LiteRtOptions* options);
void ffl_DestroyOptions(LiteRtOptions options);
LiteRtStatus ffl_CreateCompiledModel(LiteRtEnvironment env, LiteRtModel model, LiteRtOptions options,
                                     LiteRtCompiledModel* compiled);
void ffl_DestroyCompiledModel(LiteRtCompiledModel compiled);
LiteRtStatus ffl_GetCompiledModelInputBufferRequirements(LiteRtCompiledModel compiled, LiteRtParamIndex signature,
                                                         LiteRtParamIndex index,
                                                         LiteRtTensorBufferRequirements* requirements);
LiteRtStatus ffl_GetCompiledModelOutputBufferRequirements(LiteRtCompiledModel compiled, LiteRtParamIndex signature,
                                                          LiteRtParamIndex index,
                                                          LiteRtTensorBufferRequirements* requirements);
LiteRtStatus ffl_CreateManagedTensorBufferFromRequirements(LiteRtEnvironment env, const LiteRtRankedTensorType* type,
                                                           LiteRtTensorBufferRequirements requirements,
                                                           LiteRtTensorBuffer* buffer);
LiteRtStatus ffl_LockTensorBuffer(LiteRtTensorBuffer buffer, void** host, int lock_mode);
LiteRtStatus ffl_UnlockTensorBuffer(LiteRtTensorBuffer buffer);
void ffl_DestroyTensorBuffer(LiteRtTensorBuffer buffer);
LiteRtStatus ffl_RunCompiledModel(LiteRtCompiledModel compiled, LiteRtParamIndex signature, size_t input_count,
                                  LiteRtTensorBuffer* inputs, size_t output_count, LiteRtTensorBuffer* outputs);

#ifdef __cplusplus
}
#endif
#endif
