/**
 * Appendix A: every error code with the device's own message in simplified
 * Chinese, traditional Chinese and English, and what the user can do about it
 * (ours, in zh-CN and en-US).
 */
export interface ErrorText {
  zhCN: string;
  zhTW: string;
  en: string;
  hintZh: string;
  hintEn: string;
}

export const DEVICE_ERRORS: Readonly<Record<number, ErrorText>> = {
  [-1]: { zhCN: '未知错误', zhTW: '未知錯誤', en: 'Unknown error', hintZh: '请稍后重试；若反复出现，请检查设备日志。', hintEn: 'Try again later; if it keeps happening, check the device log.' },
  [-105]: { zhCN: '数据不存在', zhTW: '資料不存在', en: 'Data does not exist', hintZh: '数据可能已被删除，请刷新后重试。', hintEn: 'It may have been deleted: refresh and try again.' },
  [-108]: { zhCN: '用户不存在', zhTW: '用戶不存在', en: 'User does not exist', hintZh: '请检查用户名。', hintEn: 'Check the user name.' },
  [-109]: { zhCN: '相机不存在', zhTW: '相機不存在', en: 'Camera does not exist', hintZh: '该通道没有相机，请刷新相机列表。', hintEn: 'No camera on that channel: refresh the camera list.' },
  [-110]: { zhCN: '库中没有人脸图片', zhTW: '庫中沒有人臉圖片', en: 'No face image in the library', hintZh: '请先向人像库添加人脸。', hintEn: 'Enrol faces in the library first.' },
  [-113]: { zhCN: '用户名或密码错误', zhTW: '使用者名或密碼錯誤', en: 'Username or password error', hintZh: '请检查用户名和密码（区分大小写）。', hintEn: 'Check the user name and password (they are case-sensitive).' },
  [-114]: { zhCN: '用户已存在', zhTW: '使用者已存在', en: 'User already exists', hintZh: '请换一个用户名。', hintEn: 'Choose another user name.' },
  [-115]: { zhCN: '该通道相机已存在', zhTW: '該通道相機已存在', en: 'The channel already has a camera', hintZh: '请选择空闲通道，或先删除该通道的相机。', hintEn: 'Pick a free channel, or delete the camera on that channel first.' },
  [-116]: { zhCN: '人脸库图片已存在', zhTW: '人臉庫圖片已存在', en: 'The face image already exists', hintZh: '该图片已在库中。', hintEn: 'This picture is already in the library.' },
  [-117]: { zhCN: '人脸库不存在', zhTW: '人臉庫不存在', en: 'The face library does not exist', hintZh: '该人像库可能已被删除，请刷新。', hintEn: 'The library may have been deleted: refresh.' },
  [-118]: { zhCN: '人脸库数量已达上限', zhTW: '人臉庫數量已達上限', en: 'The number of face library has reached the limit', hintZh: '请先删除不用的人像库。', hintEn: 'Delete a library you no longer use first.' },
  [-119]: { zhCN: '人脸库已存在', zhTW: '人臉庫已存在', en: 'The face library already exists', hintZh: '已有同名人像库，请换一个名称。', hintEn: 'A library with this name exists: choose another name.' },
  [-122]: { zhCN: '图片数量已达库容上限', zhTW: '圖片數量已達庫容上限', en: 'The number of images has reached the limit', hintZh: '该库已满，请删除部分人脸或使用其他库。', hintEn: 'The library is full: delete some faces or use another library.' },
  [-123]: { zhCN: '该库已和相机绑定，删除前请解绑', zhTW: '該庫已和相機綁定，刪除前請解綁', en: 'The library has been bound to the camera please untie it before deleting', hintZh: '请先在相机设置中取消该库的布控。', hintEn: 'Remove the library from the cameras that watch it first.' },
  [-126]: { zhCN: '人像库中没有此人脸图片', zhTW: '人像库中没有此人脸图片', en: 'No such face image in the library', hintZh: '该人脸可能已被删除，请刷新。', hintEn: 'The face may have been deleted: refresh.' },
  [-140]: { zhCN: '用户没有权限', zhTW: '用戶沒有權限', en: 'User does not have permission to operate', hintZh: '请使用有权限的账号登录。', hintEn: 'Log in with an account that has the permission.' },
  [-141]: { zhCN: '用户未登录/session 会话已过期', zhTW: '用戶未登錄/session 會話已過期', en: 'User is not logged in', hintZh: '请重新登录。', hintEn: 'Log in again.' },
  [-142]: { zhCN: '用户密码太弱', zhTW: '用戶密碼太弱', en: 'User password too weak', hintZh: '密码需 8-31 位，包含大写、小写、数字、特殊字符中的三种。', hintEn: 'Use 8-31 characters with three of: upper case, lower case, digits, symbols.' },
  [-143]: { zhCN: '角色 id 不存在', zhTW: '角色 id 不存在', en: 'Role id not found', hintZh: '请刷新后重试。', hintEn: 'Refresh and try again.' },
  [-144]: { zhCN: '用户数量超出限制', zhTW: '用戶數量超出限制', en: 'User limit exceed', hintZh: '请先删除不用的用户。', hintEn: 'Delete an unused user first.' },
  [-145]: { zhCN: '当前用户名或密码错误', zhTW: '當前用戶名或密碼錯誤', en: 'Current user name or password incorrect', hintZh: '请检查当前用户名和密码。', hintEn: 'Check the current user name and password.' },
  [-146]: { zhCN: '该角色下存在用户不可删除', zhTW: '該角色下存在用戶不可刪除', en: 'Role cannot be deleted cause users exist in the role', hintZh: '请先移除该角色下的用户。', hintEn: 'Remove the users of this role first.' },
  [-147]: { zhCN: '角色已存在', zhTW: '角色已存在', en: 'Role has already exist', hintZh: '请换一个角色名。', hintEn: 'Choose another role name.' },
  [-148]: { zhCN: '角色数量超出上限', zhTW: '角色數量超出上限', en: 'Role limit exceed', hintZh: '请先删除不用的角色。', hintEn: 'Delete an unused role first.' },
  [-151]: { zhCN: '算力不足', zhTW: '算力不足', en: 'Insufficient computing power', hintZh: '抓拍机占 1 路算力、视频相机占 2 路；请先删除或改用抓拍机。', hintEn: 'A capture camera uses 1 unit and a video camera 2: remove a camera first, or use a capture camera.' },
  [-610]: { zhCN: '抓拍模式切换失败', zhTW: '抓拍模式切換失敗', en: 'Snap mode switch failed', hintZh: '请稍后重试。', hintEn: 'Try again later.' },
  [-1100]: { zhCN: 'img_id 已存在', zhTW: 'img_id 已存在', en: "'img_id' exists.", hintZh: '请换一个 img_id，或留空由设备分配。', hintEn: 'Use another img_id, or leave it empty for the device to assign one.' },
  [-1101]: { zhCN: '未检测到人脸', zhTW: '未檢測到人臉', en: 'No face detected', hintZh: '请换一张正脸清晰的照片。', hintEn: 'Use a photo with a clear, frontal face.' },
  [-1102]: { zhCN: '人脸图片质量过低', zhTW: '人臉圖片品質過低', en: 'The face image quality is too low', hintZh: '请换一张更清晰、光线更好的照片。', hintEn: 'Use a sharper, better-lit photo.' },
  [-1104]: { zhCN: '图片格式不正确或图片破损', zhTW: '圖片格式不正確或圖片破損', en: 'Incorrect image format or broken image', hintZh: '仅支持 jpg、jpeg、png、bmp、tif 图片。', hintEn: 'Only jpg, jpeg, png, bmp and tif pictures are accepted.' },
  [-2100]: { zhCN: '无内容可导出', zhTW: '無內容可匯出', en: 'No content to export', hintZh: '当前条件下没有记录，请放宽筛选条件。', hintEn: 'Nothing matches: widen the filters.' },
  [-2754]: { zhCN: '人脸底库 img_id 太长', zhTW: '人臉底庫 img_id 太長', en: 'The img_id is too long', hintZh: 'img_id 最多 48 个字符。', hintEn: 'An img_id has at most 48 characters.' },
  [-2824]: { zhCN: '当前用户不能删除自己', zhTW: '當前用戶不能刪除自己', en: 'Current user cannot delete himself', hintZh: '请用其他账号操作。', hintEn: 'Use another account.' },
  [-3596]: { zhCN: '参数输入错误', zhTW: '參數輸入錯誤', en: 'Parameter input error', hintZh: '请检查输入的各项是否在允许范围内。', hintEn: 'Check that every field is within its allowed range.' },
  [-3599]: { zhCN: 'msg_id 错误', zhTW: 'msg_id 錯誤', en: "'msg_id' error", hintZh: '设备不支持该操作，请确认固件版本。', hintEn: 'The device does not support this operation: check its firmware version.' },
  [-3603]: { zhCN: '升级失败', zhTW: '升級失敗', en: 'Upgrade failed', hintZh: '请确认升级包与设备型号匹配后重试。', hintEn: 'Check that the package matches the device model, then try again.' },
  [-3606]: { zhCN: '网络配置错误', zhTW: '網路設定錯誤', en: 'Network configuration error', hintZh: '检查：是否与其他网口同网段、网关是否在子网内、子网掩码是否正确、DHCP 是否可用。', hintEn: 'Check: not in the same subnet as another interface, gateway inside the subnet, a valid mask, DHCP reachable.' },
  [-3607]: { zhCN: '当前系统已经处于该模式', zhTW: '當前系統已經處於該模式', en: 'The current system is already in this mode', hintZh: '无需切换。', hintEn: 'Nothing to switch.' },
  [-3608]: { zhCN: '切换模式失败', zhTW: '切換模式失敗', en: 'Switch mode failed', hintZh: '请稍后重试。', hintEn: 'Try again later.' },
  [-3614]: { zhCN: 'ntp 服务器访问错误', zhTW: 'ntp 伺服器訪問錯誤', en: 'NTP server access error', hintZh: '请检查 NTP 服务器地址与端口，以及设备的网络。', hintEn: "Check the NTP server's address and port, and the device's network." },
  [-3616]: { zhCN: 'https 模式下不能导入 crt 或 key 文件', zhTW: 'https 模式下不能導入 crt 或 key 檔', en: 'The crt or key file cannot be imported in HTTPS mode', hintZh: '请先切换回 http 模式。', hintEn: 'Switch back to http first.' },
  [-2617]: { zhCN: 'https 模式下不能删除 crt 或 key 文件', zhTW: 'https 模式下不能刪除 crt 或 key 檔', en: 'The crt or key file cannot be deleted in HTTPS mode', hintZh: '请先切换回 http 模式。', hintEn: 'Switch back to http first.' },
  [-3619]: { zhCN: '切换 https/http 失败', zhTW: '切換 https/http 失敗', en: 'Toggle https/http failed', hintZh: '请确认证书与密钥匹配后重试。', hintEn: 'Check that the certificate and key match, then try again.' },
  [-3620]: { zhCN: '图片模式下不能修改抓拍策略', zhTW: '圖片模式下不能修改抓拍策略', en: 'The capture strategy cannot be modified in Image mode', hintZh: '抓拍机（IMAGE 模式）的抓拍策略由相机决定。', hintEn: "A capture (IMAGE) camera's strategy is set by the camera itself." },
  [-3524]: { zhCN: '系统内部错误', zhTW: '系統內部錯誤', en: 'System internal error', hintZh: '请稍后重试；若反复出现，请重启设备。', hintEn: 'Try again later; if it keeps happening, reboot the device.' },
  [-3625]: { zhCN: '尚未导入 crt 或 key 文件', zhTW: '尚未導入 crt 或 key 檔', en: 'crt or key file not yet imported', hintZh: '请先上传证书和密钥。', hintEn: 'Upload the certificate and the key first.' },
};

/** The device's message for a code; unknown codes fall back to -1's text plus the number. */
export function errorText(code: number): ErrorText {
  return DEVICE_ERRORS[code] ?? DEVICE_ERRORS[-1]!;
}
